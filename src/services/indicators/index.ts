/** Work-order indicators (办结率, 按期办结率, 满意率…) and unit rankings. This index is the feature's one entry. */
export * from './indicators.ts';
