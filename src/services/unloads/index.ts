/** Rubbish unloads (卸载) of boats: log them, list them within scope. This index is the feature's one entry. */
export * from './unloads.ts';
