/** Notices to residents (社区公告): post, list and read. This index is the feature's one entry. */
export * from './notices.ts';
