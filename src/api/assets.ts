import { type Static, Type } from 'typebox';
import { ASSET_KINDS } from '../domain/assets/kinds.ts';
import { Nullable, Time } from './common.ts';

/** A field asset (作业对象: boat, crew, vehicle) as the API sends it. */
export const AssetSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(ASSET_KINDS),
  code: Type.String(),
  name: Type.String(),
  unitId: Type.String(),
  segmentId: Nullable(Type.String({ description: 'the river segment (责任河段) it patrols' })),
  createdAt: Time,
  updatedAt: Time,
});

/** An asset as the API sends it. */
export type AssetView = Static<typeof AssetSchema>;
