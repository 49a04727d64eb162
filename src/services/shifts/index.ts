/** Shift plans (排班) of assets, and of units as their default. This index is the feature's one entry. */
export * from './shifts.ts';
