import { Type } from 'typebox';
import { AssetListQuery, AssetPatchBody, AssetSchema, IdParams, NewAssetBody } from '../../api/index.ts';
import { FLEET_MANAGERS, FLEET_READERS } from '../../domain/auth/roles.ts';
import {
  assetView,
  createAsset,
  getAssetOrThrow,
  listVisibleAssets,
  patchAsset,
  removeAsset,
} from '../../services/assets/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

const READERS = FLEET_READERS;
const MANAGERS = FLEET_MANAGERS;

/** Field assets (boats, crew, vehicles) and the river segments they are assigned to. */
export async function assetRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/assets',
    {
      config: { access: READERS },
      schema: {
        tags: ['assets'],
        querystring: AssetListQuery,
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
        body: NewAssetBody,
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
        body: AssetPatchBody,
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
}
