import { NewUnloadBody, UnloadListQuery, UnloadPageSchema, UnloadSchema } from '../../api/index.ts';
import { FLEET_READERS } from '../../domain/auth/roles.ts';
import { listVisibleUnloads, logUnload, unloadView } from '../../services/unloads/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** Rubbish unloads (卸载): what the boats bring to the docks. */
export async function unloadRoutes(app: App, p: Platform): Promise<void> {
  app.post(
    '/api/unloads',
    {
      // Crew for their own boat; contractor staff (department role in the contractor) for the boats in their scope.
      config: { access: ['admin', 'operator', 'department', 'crew'] },
      schema: {
        tags: ['duty'],
        summary: 'Logs a boat’s rubbish unload: 0 < tonnes ≤ 20',
        body: NewUnloadBody,
        response: { 201: UnloadSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(unloadView(await logUnload(p.ctx, principal(request), request.body))),
  );
  app.get(
    '/api/unloads',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['duty'],
        summary: 'Unloads of the boats in your scope, newest first, with their count and tonnes',
        querystring: UnloadListQuery,
        response: { 200: UnloadPageSchema },
      },
    },
    async (request) => listVisibleUnloads(p.ctx, principal(request), request.query),
  );
}
