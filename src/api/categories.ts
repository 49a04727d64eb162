import { type Static, Type } from 'typebox';
import {
  CATEGORY_FIELD_DATATYPES,
  CATEGORY_TYPES,
  DEFAULT_UNIT_KINDS,
  STAGES,
} from '../domain/workorder/dictionary.ts';
import { Nullable, Time, TimeLimitSchema } from './common.ts';

/** An extra field asked for when reporting in the category (an Open311 GeoReport v2 attribute). */
export const CategoryFieldSchema = Type.Object({
  code: Type.String(),
  datatype: Type.Enum(CATEGORY_FIELD_DATATYPES),
  required: Type.Boolean(),
  description: Type.String(),
  datatypeDescription: Type.Optional(Type.String()),
  order: Type.Optional(Type.Number()),
  values: Type.Optional(Type.Array(Type.Object({ key: Type.String(), name: Type.String() }))),
});

/** A minor class of the category dictionary (清单制) with its defaults, as the API sends it. */
export const CategorySchema = Type.Object({
  id: Type.String(),
  code: Type.String({ description: 'type-major-minor, e.g. 01-02-03' }),
  type: Type.Enum(CATEGORY_TYPES),
  majorCode: Type.String(),
  majorName: Type.String(),
  minorCode: Type.String(),
  minorName: Type.String(),
  timeLimit: TimeLimitSchema,
  defaultUnitKind: Nullable(Type.Enum(DEFAULT_UNIT_KINDS)),
  defaultUnitId: Nullable(Type.String()),
  defaultStage: Type.Enum(STAGES),
  duplicateRadiusM: Type.Number(),
  active: Type.Boolean(),
  extraFields: Type.Array(CategoryFieldSchema),
  createdAt: Time,
  updatedAt: Time,
});

/** A category as the API sends it. */
export type CategoryView = Static<typeof CategorySchema>;
