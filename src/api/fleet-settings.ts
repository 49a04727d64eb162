import { type Static, Type } from 'typebox';

/** One asset kind's track thresholds (the trip, stop and work/rest rules). */
export const TrackSettingsSchema = Type.Object({
  stopRadiusM: Type.Number({ description: 'a stop stays within this many metres of its first fix' }),
  stopMinS: Type.Number({ description: '…for at least this many seconds' }),
  tripMinM: Type.Number({ description: 'a trip takes the asset at least this far from where it set off' }),
  gapS: Type.Number({ description: 'fixes further apart in time than this are a gap (no data)' }),
  restMinS: Type.Number({ description: 'a stop this long or longer is rest even on the assigned segment' }),
});

/** GET /api/settings/fleet: the thresholds in force per asset kind, and the coverage threshold. */
export const FleetSettingsSchema = Type.Object({
  kinds: Type.Object({ boat: TrackSettingsSchema, crew: TrackSettingsSchema, vehicle: TrackSettingsSchema }),
  coverageThreshold: Type.Number({
    description: 'a day below this share of sub-sections visited is not covered',
  }),
});

const Override = Type.Union([Type.Number(), Type.Null()]);
const KindOverrides = Type.Partial(
  Type.Object({
    stopRadiusM: Override,
    stopMinS: Override,
    tripMinM: Override,
    gapS: Override,
    restMinS: Override,
  }),
  { additionalProperties: false },
);

/** PATCH /api/settings/fleet: the thresholds to change per kind; null puts one back to its default. */
export const FleetSettingsPatchBody = Type.Object(
  {
    kinds: Type.Optional(
      Type.Partial(Type.Object({ boat: KindOverrides, crew: KindOverrides, vehicle: KindOverrides }), {
        additionalProperties: false,
      }),
    ),
    coverageThreshold: Type.Optional(Override),
  },
  { additionalProperties: false, minProperties: 1 },
);

export type FleetSettingsView = Static<typeof FleetSettingsSchema>;
export type FleetSettingsPatch = Static<typeof FleetSettingsPatchBody>;
