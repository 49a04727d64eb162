/**
 * The API's shapes (API 形状), declared once as TypeBox schemas, one file per resource: the
 * routes validate and serialize with them, the services' views are typed `Static<typeof …>` of
 * them, and the console imports the same types (`import type`, so nothing here is bundled).
 * Pure: only `typebox` and the domain's constant lists. This index is the folder's one entry.
 */
export * from './alerts.ts';
export * from './assets.ts';
export * from './attachments.ts';
export * from './categories.ts';
export * from './common.ts';
export * from './devices.ts';
export * from './docks.ts';
export * from './duty.ts';
export * from './fleet-settings.ts';
export * from './indicators.ts';
export * from './metrics.ts';
export * from './notices.ts';
export * from './notifications.ts';
export * from './order-assets.ts';
export * from './orders.ts';
export * from './positions.ts';
export * from './reports.ts';
export * from './segments.ts';
export * from './shifts.ts';
export * from './summaries.ts';
export * from './tasks.ts';
export * from './tracks.ts';
export * from './units.ts';
export * from './unloads.ts';
export * from './users.ts';
