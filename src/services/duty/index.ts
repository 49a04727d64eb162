/** Duty (上班/下班): crew clock-ins and clock-outs, and each boat's day of duty. This index is the feature's one entry. */
export * from './clock.ts';
export { dutyDay, dutyOfBoat } from './day.ts';
export { listDutyEvents } from './events.ts';
