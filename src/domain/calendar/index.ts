export * from './calendar.ts';
export * from './cn-2026.ts';
export * from './errors.ts';
export * from './parse.ts';
export * from './time-limit.ts';
export * from './working-time.ts';
