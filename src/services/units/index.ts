/** The organisation (网格化): units, their tree, polygons and scope paths. This index is the feature's one entry. */
export * from './units.ts';
