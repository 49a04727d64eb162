/** Crews (船员) on boats: who works on which boat, and a crew login's place. This index is the feature's one entry. */
export * from './crews.ts';
