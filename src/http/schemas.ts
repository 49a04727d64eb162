/**
 * The shared schemas under their old address, for the routes that still import them from here.
 * They are defined once in src/api/ (which the console reads too); import them from there.
 */
export {
  AreaGeometrySchema,
  ErrorBody,
  Id,
  IdParams,
  Password,
  RoleSchema,
  UnitKindSchema,
  UnitSchema,
  Username,
  UserSchema,
} from '../api/index.ts';
