/** Field assets (作业对象: boats, crews, vehicles): create, change, list within scope. This index is the feature's one entry. */
export * from './assets.ts';
