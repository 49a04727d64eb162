import { Type } from 'typebox';
import { DockListQuery, DockPatchBody, DockSchema, IdParams, NewDockBody } from '../../api/index.ts';
import { FLEET_MANAGERS, FLEET_READERS } from '../../domain/auth/roles.ts';
import {
  createDock,
  dockView,
  getDockOrThrow,
  listVisibleDocks,
  patchDock,
  removeDock,
} from '../../services/docks/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** Docks (码头/停靠点) where boats moor and unload. */
export async function dockRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/docks',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['assets'],
        summary: 'Docks held in your scope, or under one unit of it',
        querystring: DockListQuery,
        response: { 200: Type.Object({ items: Type.Array(DockSchema), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const items = (await listVisibleDocks(p.ctx, principal(request), request.query)).map(dockView);
      return { items, total: items.length };
    },
  );
  app.get(
    '/api/docks/:id',
    {
      config: { access: FLEET_READERS },
      schema: { tags: ['assets'], params: IdParams, response: { 200: DockSchema } },
    },
    async (request) => dockView(await getDockOrThrow(p.ctx, principal(request), request.params.id)),
  );
  app.post(
    '/api/docks',
    {
      config: { access: FLEET_MANAGERS },
      schema: { tags: ['assets'], body: NewDockBody, response: { 201: DockSchema } },
    },
    async (request, reply) => reply.status(201).send(dockView(await createDock(p.ctx, request.body))),
  );
  app.patch(
    '/api/docks/:id',
    {
      config: { access: FLEET_MANAGERS },
      schema: { tags: ['assets'], params: IdParams, body: DockPatchBody, response: { 200: DockSchema } },
    },
    async (request) => dockView(await patchDock(p.ctx, request.params.id, request.body)),
  );
  app.delete(
    '/api/docks/:id',
    { config: { access: FLEET_MANAGERS }, schema: { tags: ['assets'], params: IdParams } },
    async (request, reply) => {
      await removeDock(p.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
}
