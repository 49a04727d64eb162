import type { FastifyError, FastifyReply } from 'fastify';
import { type FormFields, parseForm } from '../../protocols/open311/index.ts';
import { publishNotifications } from '../../services/notifications/index.ts';
import {
  discovery,
  getServiceRequest,
  listServiceRequests,
  listServiceRequestUpdates,
  postServiceRequest,
  serviceDefinition,
  serviceList,
  serviceRequestIdFromToken,
} from '../../services/open311/index.ts';
import { announceOrder } from '../../services/orders/index.ts';
import type { App, Platform } from '../app-types.ts';
import { asDomainError } from '../plugins/errors.ts';
import {
  errorDocument,
  type Format,
  formatOf,
  open311ErrorHandler,
  sendDocument,
  splitFile,
} from './open311-format.ts';

/** Where the GeoReport v2 endpoint lives. */
export const OPEN311_PREFIX = '/open311/v2';
/** A request body large enough for a 4,000-character description and its attributes, percent-encoded. */
const FORM_BODY_LIMIT = 128 * 1024;
const FORMATS: Format[] = ['json', 'xml'];

const notFound = (reply: FastifyReply, format: Format, what: string) =>
  sendDocument(reply, errorDocument(404, what), format, 404);

/**
 * The Open311 GeoReport v2 server (wiki.open311.org/GeoReport_v2) with the common extensions:
 * page/page_size, extensions=true (detailed_status, notes) and FixMyStreet's
 * servicerequestupdates. Reading is public, as the spec has it; posting needs an api_key,
 * checked by the service, not by the session-based auth. Its own scope parses form bodies and
 * answers every error in the spec's format.
 */
export async function open311Routes(app: App, p: Platform): Promise<void> {
  await app.register(
    async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
        (_request, body, done) => done(null, parseForm(String(body))),
      );
      scope.setErrorHandler((error, request, reply) =>
        open311ErrorHandler(
          (asDomainError(error, p.store.adapter, request.method) ?? error) as FastifyError,
          request,
          reply,
        ),
      );
      scope.setNotFoundHandler((request, reply) =>
        notFound(
          reply,
          formatOf(request.url),
          `No GeoReport v2 resource ${request.method} ${request.url.split('?')[0]}`,
        ),
      );
      const config = { access: 'public' as const };
      const tags = ['open311'];

      for (const format of FORMATS) {
        scope.get(
          `/discovery.${format}`,
          { config, schema: { tags, summary: 'Service Discovery' } },
          async (request, reply) => {
            const url = `${request.protocol}://${request.host}${OPEN311_PREFIX}`;
            return sendDocument(reply, await discovery(p.ctx, url), format);
          },
        );
        scope.get(
          `/services.${format}`,
          { config, schema: { tags, summary: 'GET Service List' } },
          async (_r, reply) => sendDocument(reply, await serviceList(p.ctx), format),
        );
        scope.get(
          `/requests.${format}`,
          { config, schema: { tags, summary: 'GET Service Requests' } },
          async (request, reply) =>
            sendDocument(
              reply,
              await listServiceRequests(p.ctx, request.query as Record<string, unknown>),
              format,
            ),
        );
        scope.post(
          `/requests.${format}`,
          { config, bodyLimit: FORM_BODY_LIMIT, schema: { tags, summary: 'POST Service Request (api_key)' } },
          async (request, reply) => {
            const form: FormFields = request.body instanceof Map ? request.body : new Map();
            const posted = await postServiceRequest(p.ctx, form);
            await announceOrder(p.ctx, p.bus, 'order.created', posted.order, request.log);
            publishNotifications(p.bus, posted.deliveries);
            return sendDocument(reply, posted.document, format);
          },
        );
        scope.get(
          `/servicerequestupdates.${format}`,
          { config, schema: { tags, summary: 'GET servicerequestupdates (FixMyStreet extension)' } },
          async (request, reply) =>
            sendDocument(
              reply,
              await listServiceRequestUpdates(p.ctx, request.query as Record<string, unknown>),
              format,
            ),
        );
      }

      const byFile = { config, schema: { tags } };
      scope.get<{ Params: { file: string } }>('/services/:file', byFile, async (request, reply) => {
        const file = splitFile(request.params.file);
        if (!file)
          return notFound(reply, formatOf(request.url), 'Ask for services/{service_code}.json or .xml');
        return sendDocument(reply, await serviceDefinition(p.ctx, file.name), file.format);
      });
      scope.get<{ Params: { file: string } }>('/requests/:file', byFile, async (request, reply) => {
        const file = splitFile(request.params.file);
        if (!file)
          return notFound(reply, formatOf(request.url), 'Ask for requests/{service_request_id}.json or .xml');
        const query = request.query as Record<string, unknown>;
        return sendDocument(reply, await getServiceRequest(p.ctx, file.name, query), file.format);
      });
      scope.get<{ Params: { file: string } }>('/tokens/:file', byFile, async (request, reply) => {
        const file = splitFile(request.params.file);
        if (!file) return notFound(reply, formatOf(request.url), 'Ask for tokens/{token}.json or .xml');
        return sendDocument(reply, await serviceRequestIdFromToken(p.ctx, file.name), file.format);
      });
    },
    { prefix: OPEN311_PREFIX },
  );
}
