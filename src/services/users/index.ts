/** People and their roles, within the caller's scope. This index is the feature's one entry. */
export * from './users.ts';
