/** The Open311 GeoReport v2 gateway: services, requests, keys and their formats. This index is the feature's one entry. */
export * from './attributes.ts';
export * from './keys.ts';
export * from './params.ts';
export * from './query.ts';
export * from './requests.ts';
export * from './services.ts';
export * from './view.ts';
