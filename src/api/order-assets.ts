import { type Static, Type } from 'typebox';
import { ASSET_KINDS } from '../domain/assets/kinds.ts';
import { Nullable, Time } from './common.ts';

/**
 * Boats on a work order (事中 · 事后): the boats sent with their distance and arrival while the
 * order is handled (GET /api/orders/:id/assets), and the field check of their tracks before
 * verifying (GET /api/orders/:id/field-check). Built by src/services/order-assets/.
 */

const Metres = (description: string) => Nullable(Type.Number({ description }));

/** One boat sent to the order (or considered: the handling unit's, when none was named). */
export const OrderAssetSchema = Type.Object({
  assetId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.Enum(ASSET_KINDS),
  unitId: Type.String(),
  assigned: Type.Boolean({
    description: 'named by the dispatch, a sub-task or assignAssets; false: considered',
  }),
  position: Nullable(
    Type.Object(
      { lat: Type.Number(), lon: Type.Number(), at: Time },
      { description: 'its latest fix (WGS-84); null without one, or once the order is no longer handled' },
    ),
  ),
  distanceM: Metres('straight-line metres from its latest fix to the order'),
  speedKmh: Metres('its recent speed (km/h); null when unknown'),
  etaSeconds: Metres('seconds to the order at that speed; 0 within the radius; null when stopped or unknown'),
  etaAt: Nullable(Time),
});

/** GET /api/orders/:id/assets. */
export const OrderAssetsSchema = Type.Object({
  handling: Type.Boolean({
    description: 'the order is dispatched, signed or being handled: positions are shown',
  }),
  assigned: Type.Boolean({
    description: 'boats were named; false: the handling unit’s boats are considered',
  }),
  radiusM: Type.Number(),
  items: Type.Array(OrderAssetSchema),
});

/** GET /api/orders/:id/field-check. */
export const FieldCheckQuery = Type.Object({
  radiusM: Type.Optional(Type.Number({ minimum: 1, maximum: 1000, description: 'metres; default 30' })),
});

/** One boat's track against the order's point in the window. */
export const FieldCheckAssetSchema = Type.Object({
  assetId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  assigned: Type.Boolean(),
  reached: Type.Boolean(),
  closestM: Metres('the closest the track came, to 0.1 m; null without a fix in the window'),
  closestAt: Nullable(Time),
  firstWithinAt: Nullable(Time),
  trackFrom: Nullable(Time),
  trackTo: Nullable(Time),
  track: Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }), {
    description: 'the window’s fixes as [lon, lat] (WGS-84), thinned to at most 2,000 for the map',
  }),
});

/** Did any boat's track reach the order's point between sending and feedback? */
export const FieldCheckSchema = Type.Object({
  orderId: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  radiusM: Type.Number(),
  from: Nullable(Time),
  to: Nullable(Time),
  closed: Type.Boolean({ description: 'the window ended with a feedback; false: it runs to now' }),
  reached: Type.Boolean({ description: 'some boat came within the radius' }),
  assets: Type.Array(FieldCheckAssetSchema),
});

/** A boat on an order as the API sends it. */
export type OrderAssetView = Static<typeof OrderAssetSchema>;
/** GET /api/orders/:id/assets as the API sends it. */
export type OrderAssetsView = Static<typeof OrderAssetsSchema>;
/** One boat's field check as the API sends it. */
export type FieldCheckAssetView = Static<typeof FieldCheckAssetSchema>;
/** The field check as the API sends it. */
export type FieldCheckView = Static<typeof FieldCheckSchema>;
