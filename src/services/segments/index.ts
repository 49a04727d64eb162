/** River segments (责任河段): manage them, read them within scope. This index is the feature's one entry. */
export * from './segments.ts';
