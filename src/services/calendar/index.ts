/** The working calendar (工作日历): holidays, make-up days, working-time arithmetic for time limits. This index is the feature's one entry. */
export * from './calendar.ts';
