/** Docks (码头/停靠点) where boats moor and unload: create, change, list within scope. This index is the feature's one entry. */
export * from './docks.ts';
