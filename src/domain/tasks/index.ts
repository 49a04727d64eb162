/** Key tasks (重点工作清单): states, the red flag, ISO weeks in Beijing time and the push-day reminder rule. */
export * from './model.ts';
export * from './push-day.ts';
export * from './week.ts';
