import { type Static, Type } from 'typebox';
import { ROLES } from '../domain/auth/roles.ts';
import { literals, Nullable, Time } from './common.ts';

/** A role in a request. */
export const RoleSchema = literals(ROLES);

export const Username = Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' });
export const Password = Type.String({ minLength: 8, maxLength: 200 });

/** A user as the API sends it: never the password hash or the login-throttle state. */
export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Enum(ROLES),
  unitId: Type.String(),
  gridId: Nullable(Type.String({ description: 'the grid a resident lives in, when known' })),
  phone: Nullable(Type.String()),
  active: Type.Boolean(),
  lockedUntil: Nullable(Time),
  createdAt: Time,
  updatedAt: Time,
});

/** A user as the API sends it. */
export type UserView = Static<typeof UserSchema>;
