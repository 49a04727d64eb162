/** Terminals (终端): registration, identifiers, status and latest positions. This index is the feature's one entry. */
export * from './devices.ts';
export * from './positions.ts';
