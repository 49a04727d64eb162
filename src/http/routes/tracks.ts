import { Type } from 'typebox';
import {
  AssetRangeQuery,
  IdParams,
  StopListSchema,
  TrackQuery,
  TrackSchema,
  TripListSchema,
} from '../../api/index.ts';
import { POSITION_READERS } from '../../domain/auth/roles.ts';
import {
  assetTrackFile,
  assetTrackJson,
  listAssetStops,
  listAssetTrips,
} from '../../services/tracks/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** A download's bytes: OpenAPI's binary string. */
const TrackFileBody = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });

/** An asset's track, trips and stops, scoped like the asset (who reads positions reads these). */
export async function trackRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/assets/:id/trips',
    {
      config: { access: POSITION_READERS },
      schema: {
        tags: ['assets'],
        summary:
          "An asset's trips (行程) between two instants, cut by its kind's thresholds (at most 31 days)",
        params: IdParams,
        querystring: AssetRangeQuery,
        response: { 200: TripListSchema },
      },
    },
    async (request) =>
      listAssetTrips(p.ctx, principal(request), {
        assetId: request.params.id,
        from: Date.parse(request.query.from),
        to: Date.parse(request.query.to),
      }),
  );

  app.get(
    '/api/assets/:id/stops',
    {
      config: { access: POSITION_READERS },
      schema: {
        tags: ['assets'],
        summary:
          "An asset's stops (停留) between two instants, each with the dock it was at (at most 31 days)",
        params: IdParams,
        querystring: AssetRangeQuery,
        response: { 200: StopListSchema },
      },
    },
    async (request) =>
      listAssetStops(p.ctx, principal(request), {
        assetId: request.params.id,
        from: Date.parse(request.query.from),
        to: Date.parse(request.query.to),
      }),
  );

  app.get(
    '/api/assets/:id/track',
    {
      config: { access: POSITION_READERS },
      schema: {
        tags: ['assets'],
        summary:
          "An asset's track (轨迹) between two instants (at most 31 days): JSON, or a GeoJSON, GPX, KML or CSV download",
        params: IdParams,
        querystring: TrackQuery,
        response: {
          200: {
            description: 'format=json: the fixes; the other formats: a file to download',
            content: {
              'application/json': { schema: TrackSchema },
              'application/geo+json': { schema: TrackFileBody },
              'application/gpx+xml': { schema: TrackFileBody },
              'application/vnd.google-earth.kml+xml': { schema: TrackFileBody },
              'text/csv': { schema: TrackFileBody },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { format = 'json', simplifyM } = request.query;
      const q = {
        assetId: request.params.id,
        from: Date.parse(request.query.from),
        to: Date.parse(request.query.to),
        ...(simplifyM !== undefined && { simplifyM }),
      };
      if (format === 'json') {
        // Written straight from the rows (services/tracks/formats/json.ts), typed by TrackSchema's points.
        const body = await assetTrackJson(p.ctx, principal(request), q);
        return reply.type('application/json; charset=utf-8').send(body);
      }
      const file = await assetTrackFile(p.ctx, principal(request), { ...q, format });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', file.contentDisposition)
        .send(file.body);
    },
  );
}
