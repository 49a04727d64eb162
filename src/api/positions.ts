import { type Static, Type } from 'typebox';
import { Time } from './common.ts';

/** A stored fix as the API and the live feed send it: times ISO UTC, coordinates WGS-84, speed km/h. */
export const PositionSchema = Type.Object({
  deviceId: Type.String(),
  time: Time,
  serverTime: Time,
  lat: Type.Number(),
  lon: Type.Number(),
  speed: Type.Number({ description: 'km/h' }),
  course: Type.Number({ description: 'degrees from north' }),
  altitude: Type.Number({ description: 'metres' }),
  valid: Type.Boolean({ description: 'the device’s own claim that it had a satellite fix' }),
  blind: Type.Boolean({
    description: 're-uploaded from the device’s blind-spot buffer, or older than the latest',
  }),
  flags: Type.Number({ description: 'bit set: 1 blind, 2 invalid, 4 jump, 8 future' }),
  attributes: Type.Record(Type.String(), Type.Unknown()),
});

/** A position as the API sends it. */
export type PositionView = Static<typeof PositionSchema>;
