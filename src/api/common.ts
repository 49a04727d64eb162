import { type TSchema, Type } from 'typebox';
import { TIME_LIMIT_UNITS } from '../domain/calendar/time-limit.ts';

/** The `:id` of every route about one record. */
/** A record's id, in a path or as a reference in a body: never empty (an empty reference is a 400, not a lookup). */
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id });

/** Every error answer: a stable code from the error catalogue and a message saying what to do. */
export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
});

/** `schema` or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * A request value that must be one of a domain list's: `anyOf` of constants, so a refusal names
 * the values allowed. Response schemas use `Type.Enum` of the same list.
 */
export const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));

/** An instant as the API sends it: ISO 8601 in UTC. */
export const Time = Type.String({ format: 'date-time' });

/** A time limit (处置时限) or an extension (延期) in working hours or days. */
export const TimeLimitSchema = Type.Object({ amount: Type.Number(), unit: Type.Enum(TIME_LIMIT_UNITS) });

/** A WGS-84 latitude in degrees. */
export const Latitude = Type.Number({ minimum: -90, maximum: 90, description: 'WGS-84 degrees' });

/** A WGS-84 longitude in degrees. */
export const Longitude = Type.Number({ minimum: -180, maximum: 180, description: 'WGS-84 degrees' });

/** The id of a record the request names (a unit, an asset, a dock…). */
export const RefId = Type.String({ minLength: 1, maxLength: 64 });
