/** The category dictionary (类别, 清单制) and the defaults seeded into a fresh organisation. This index is the feature's one entry. */
export * from './categories.ts';
export * from './default-list.ts';
export * from './seed-defaults.ts';
