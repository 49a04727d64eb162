import { type Static, Type } from 'typebox';
import { ASSET_KINDS } from '../domain/assets/kinds.ts';
import { literals, Nullable, RefId, Time } from './common.ts';

/** A field asset (作业对象: boat, crew, vehicle) as the API sends it. */
export const AssetSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(ASSET_KINDS),
  code: Type.String(),
  name: Type.String(),
  unitId: Type.String(),
  segmentId: Nullable(
    Type.String({ description: 'the first of segmentIds (kept for clients that know one segment)' }),
  ),
  segmentIds: Type.Array(Type.String(), { description: 'the river segments (责任河段) it patrols' }),
  userId: Nullable(Type.String({ description: 'a crew member’s login (a user with role crew)' })),
  boatId: Nullable(Type.String({ description: 'the boat a crew member works on' })),
  createdAt: Time,
  updatedAt: Time,
});

/** An asset as the API sends it. */
export type AssetView = Static<typeof AssetSchema>;

const AssetCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z-]+$' });
const AssetName = Type.String({ minLength: 1, maxLength: 100 });
const SegmentIds = Type.Array(RefId, {
  maxItems: 50,
  uniqueItems: true,
  description: 'the river segments it patrols, the first being its segmentId',
});

/** POST /api/assets: `segmentIds`, or the single `segmentId` of older clients (not both). */
export const NewAssetBody = Type.Object({
  kind: literals(ASSET_KINDS),
  code: AssetCode,
  name: AssetName,
  unitId: RefId,
  segmentId: Type.Optional(Nullable(RefId)),
  segmentIds: Type.Optional(SegmentIds),
  userId: Type.Optional(Nullable(RefId)),
});

/** PATCH /api/assets/:id: any of the fields; `segmentIds` replaces the list, `segmentId` makes it one (or none). */
export const AssetPatchBody = Type.Object(
  {
    code: Type.Optional(AssetCode),
    name: Type.Optional(AssetName),
    unitId: Type.Optional(RefId),
    segmentId: Type.Optional(Nullable(RefId)),
    segmentIds: Type.Optional(SegmentIds),
    userId: Type.Optional(Nullable(RefId)),
  },
  { minProperties: 1 },
);

/** GET /api/assets. */
export const AssetListQuery = Type.Object({ kind: Type.Optional(literals(ASSET_KINDS)) });

/** PUT /api/assets/:id/crew: the boat's whole crew (crew members, each on at most one boat). */
export const CrewBody = Type.Object({
  memberIds: Type.Array(RefId, { maxItems: 30, uniqueItems: true }),
});

/** GET and PUT /api/assets/:id/crew. */
export const CrewSchema = Type.Object({ items: Type.Array(AssetSchema) });
