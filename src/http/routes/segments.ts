import { Type } from 'typebox';
import { IdParams, NewSegmentBody, SegmentPatchBody, SegmentSchema } from '../../api/index.ts';
import { FLEET_MANAGERS, FLEET_READERS } from '../../domain/auth/roles.ts';
import {
  createSegment,
  getSegmentOrThrow,
  listSegmentViews,
  patchSegment,
  removeSegment,
  segmentView,
} from '../../services/segments/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** River segments (责任河段): the reaches boats are assigned to, as GeoJSON lines. */
export async function segmentRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/segments',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['assets'],
        summary: 'River segments (责任河段) in your scope, as GeoJSON lines',
        response: { 200: Type.Object({ items: Type.Array(SegmentSchema) }) },
      },
    },
    async (request) => listSegmentViews(p.ctx, principal(request)),
  );
  app.get(
    '/api/segments/:id',
    {
      config: { access: FLEET_READERS },
      schema: { tags: ['assets'], params: IdParams, response: { 200: SegmentSchema } },
    },
    async (request) => segmentView(await getSegmentOrThrow(p.ctx, principal(request), request.params.id)),
  );
  app.post(
    '/api/segments',
    {
      config: { access: FLEET_MANAGERS },
      schema: { tags: ['assets'], body: NewSegmentBody, response: { 201: SegmentSchema } },
    },
    async (request, reply) => reply.status(201).send(segmentView(await createSegment(p.ctx, request.body))),
  );
  app.patch(
    '/api/segments/:id',
    {
      config: { access: FLEET_MANAGERS },
      schema: {
        tags: ['assets'],
        params: IdParams,
        body: SegmentPatchBody,
        response: { 200: SegmentSchema },
      },
    },
    async (request) => segmentView(await patchSegment(p.ctx, request.params.id, request.body)),
  );
  app.delete(
    '/api/segments/:id',
    { config: { access: FLEET_MANAGERS }, schema: { tags: ['assets'], params: IdParams } },
    async (request, reply) => {
      await removeSegment(p.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
}
