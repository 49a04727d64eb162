import { CrewBody, CrewSchema, IdParams } from '../../api/index.ts';
import { FLEET_MANAGERS, FLEET_READERS } from '../../domain/auth/roles.ts';
import { assetView } from '../../services/assets/index.ts';
import { getCrew, putCrew } from '../../services/crews/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** A boat's crew (船员): who works on it. */
export async function crewRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/assets/:id/crew',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['assets'],
        summary: 'The crew members on a boat (none for another kind of asset)',
        params: IdParams,
        response: { 200: CrewSchema },
      },
    },
    async (request) => ({
      items: (await getCrew(p.ctx, principal(request), request.params.id)).map(assetView),
    }),
  );
  app.put(
    '/api/assets/:id/crew',
    {
      config: { access: FLEET_MANAGERS },
      schema: {
        tags: ['assets'],
        summary: 'Makes these crew members the boat’s whole crew; each is on one boat at most (409)',
        params: IdParams,
        body: CrewBody,
        response: { 200: CrewSchema },
      },
    },
    async (request) => ({
      items: (await putCrew(p.ctx, request.params.id, request.body.memberIds)).map(assetView),
    }),
  );
}
