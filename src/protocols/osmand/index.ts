// OsmAnd / Traccar Client HTTP codec: request fields in, a neutral position report out.

export { parseOsmAnd } from './parse.ts';
export type * from './types.ts';
export { parseTimestamp } from './values.ts';
