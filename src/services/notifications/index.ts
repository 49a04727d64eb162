/** Notifications (消息): the inbox, and who is told when it is their turn. This index is the feature's one entry. */
export * from './inbox.ts';
export * from './notifications.ts';
