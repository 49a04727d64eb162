import { type Static, Type } from 'typebox';
import { PROTOCOLS } from '../domain/devices/identifiers.ts';
import { Nullable, Time } from './common.ts';

/** Whether a device reported within its `offlineAfterS`. */
export const DEVICE_STATUSES = ['online', 'offline'] as const;

/** A terminal (终端) as the API sends it: its status and its latest fix. */
export const DeviceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  protocol: Type.Enum(PROTOCOLS),
  identifier: Type.String(),
  assetId: Nullable(Type.String()),
  unitId: Type.String(),
  offlineAfterS: Type.Number(),
  status: Type.Enum(DEVICE_STATUSES),
  lastSeenAt: Nullable(Time),
  lastPosition: Nullable(
    Type.Object(
      { time: Time, lat: Type.Number(), lon: Type.Number(), speed: Type.Number({ description: 'km/h' }) },
      { description: 'WGS-84' },
    ),
  ),
  createdAt: Time,
  updatedAt: Time,
});

/** A device as the API sends it. */
export type DeviceView = Static<typeof DeviceSchema>;
