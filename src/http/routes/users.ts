import { Type } from 'typebox';
import { PEOPLE_READERS } from '../../domain/auth/roles.ts';
import {
  createUser,
  getUserOrThrow,
  listVisibleUsers,
  patchUser,
  removeUser,
  userView,
} from '../../services/users/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';
import { ErrorBody, Id, IdParams, Password, RoleSchema, Username, UserSchema } from '../schemas.ts';

const DisplayName = Type.String({ minLength: 1, maxLength: 100 });
const Phone = Type.String({ maxLength: 30, pattern: '^[0-9+ -]*$' });
const READERS = PEOPLE_READERS;

/** People: read within scope by the command chain, managed by admins. */
export async function userRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/users',
    {
      config: { access: READERS },
      schema: {
        tags: ['users'],
        summary: 'Users in your scope',
        querystring: Type.Object({
          unitId: Type.Optional(Type.String({ maxLength: 64 })),
          role: Type.Optional(RoleSchema),
        }),
        response: { 200: Type.Object({ items: Type.Array(UserSchema), total: Type.Number() }) },
      },
    },
    async (request) => {
      const users = await listVisibleUsers(p.ctx, principal(request), request.query);
      return { items: users.map(userView), total: users.length };
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: READERS },
      schema: { tags: ['users'], params: IdParams, response: { 200: UserSchema, 404: ErrorBody } },
    },
    async (request) => userView(await getUserOrThrow(p.ctx, principal(request), request.params.id)),
  );

  app.post(
    '/api/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['users'],
        summary: 'Create a user (admin)',
        body: Type.Object({
          username: Username,
          password: Password,
          displayName: DisplayName,
          role: RoleSchema,
          unitId: Type.String({ minLength: 1, maxLength: 64 }),
          gridId: Type.Optional(Type.Union([Id, Type.Null()])),
          phone: Type.Optional(Phone),
        }),
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => reply.status(201).send(userView(await createUser(p.ctx, request.body))),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['users'],
        summary: 'Change a user, reset the password, deactivate or unlock (admin)',
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(DisplayName),
            password: Type.Optional(Password),
            role: Type.Optional(RoleSchema),
            unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            gridId: Type.Optional(Type.Union([Id, Type.Null()])),
            phone: Type.Optional(Type.Union([Phone, Type.Null()])),
            active: Type.Optional(Type.Boolean()),
            unlock: Type.Optional(Type.Boolean()),
          },
          { minProperties: 1 },
        ),
        response: { 200: UserSchema },
      },
    },
    async (request) => userView(await patchUser(p.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/api/users/:id',
    {
      config: { access: ['admin'] },
      schema: { tags: ['users'], summary: 'Delete a user (admin)', params: IdParams },
    },
    async (request, reply) => {
      await removeUser(p.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
}
