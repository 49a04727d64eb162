/** Daily order rollups: kept with each order event, rebuilt from the events, read for indicators and rankings. This index is the feature's one entry. */
export * from './maintain.ts';
export * from './read.ts';
export * from './rebuild.ts';
