/** Sessions and passwords: log in, log out, resolve a token to its principal. This index is the feature's one entry. */
export * from './auth.ts';
