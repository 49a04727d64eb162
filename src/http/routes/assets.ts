import { Type } from 'typebox';
import { AssetSchema, SegmentSchema } from '../../api/index.ts';
import {
  ASSET_KINDS,
  assetView,
  createAsset,
  getAssetOrThrow,
  listSegmentViews,
  listVisibleAssets,
  patchAsset,
  removeAsset,
} from '../../services/assets/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';
import { IdParams } from '../schemas.ts';

const KindSchema = Type.Union(ASSET_KINDS.map((k) => Type.Literal(k)));
const READERS = ['admin', 'operator', 'leader', 'workstation', 'community', 'department', 'crew'] as const;
const MANAGERS = ['admin', 'operator'] as const;
const Id = Type.String({ minLength: 1, maxLength: 64 });

/** Field assets (boats, crew, vehicles) and the river segments they are assigned to. */
export async function assetRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/assets',
    {
      config: { access: READERS },
      schema: {
        tags: ['assets'],
        querystring: Type.Object({ kind: Type.Optional(KindSchema) }),
        response: { 200: Type.Object({ items: Type.Array(AssetSchema), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const items = (await listVisibleAssets(p.ctx, principal(request), request.query)).map(assetView);
      return { items, total: items.length };
    },
  );
  app.get(
    '/api/assets/:id',
    {
      config: { access: READERS },
      schema: { tags: ['assets'], params: IdParams, response: { 200: AssetSchema } },
    },
    async (request) => assetView(await getAssetOrThrow(p.ctx, principal(request), request.params.id)),
  );
  app.post(
    '/api/assets',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['assets'],
        body: Type.Object({
          kind: KindSchema,
          code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z-]+$' }),
          name: Type.String({ minLength: 1, maxLength: 100 }),
          unitId: Id,
          segmentId: Type.Optional(Type.Union([Id, Type.Null()])),
        }),
        response: { 201: AssetSchema },
      },
    },
    async (request, reply) => reply.status(201).send(assetView(await createAsset(p.ctx, request.body))),
  );
  app.patch(
    '/api/assets/:id',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['assets'],
        params: IdParams,
        body: Type.Object(
          {
            code: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z-]+$' })),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            unitId: Type.Optional(Id),
            segmentId: Type.Optional(Type.Union([Id, Type.Null()])),
          },
          { minProperties: 1 },
        ),
        response: { 200: AssetSchema },
      },
    },
    async (request) => assetView(await patchAsset(p.ctx, request.params.id, request.body)),
  );
  app.delete(
    '/api/assets/:id',
    { config: { access: MANAGERS }, schema: { tags: ['assets'], params: IdParams } },
    async (request, reply) => {
      await removeAsset(p.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/segments',
    {
      config: { access: READERS },
      schema: {
        tags: ['assets'],
        summary: 'River segments (责任河段) in your scope, as GeoJSON lines',
        response: { 200: Type.Object({ items: Type.Array(SegmentSchema) }) },
      },
    },
    async (request) => listSegmentViews(p.ctx, principal(request)),
  );
}
