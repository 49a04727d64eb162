import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { identifierProblem } from '../domain/devices/identifiers.ts';
import type { Fix } from '../domain/positions/fix.ts';
import { DomainError } from '../errors/catalogue.ts';
import { attributesProblem } from '../ingest/storable.ts';
import { type OsmAndReport, parseOsmAnd } from '../protocols/osmand/index.ts';
import type { GatewayContext } from './context.ts';

const PROTOCOL = 'osmand';
/** One position per request: a few hundred bytes. 64 KB leaves room for chatty apps and no more. */
const BODY_LIMIT = 64 * 1024;

/** A running OsmAnd HTTP listener. */
export interface HttpListener {
  port: number;
  close(): Promise<void>;
}

/** An OsmAnd report in the platform's neutral shape; what the phone did not send becomes 0. */
export function osmandFix(r: OsmAndReport): Fix {
  const attributes = { ...r.attributes };
  if (r.accuracy !== null) attributes.accuracy = r.accuracy;
  return {
    time: r.time,
    lat: r.lat,
    lon: r.lon,
    speedKmh: r.speedKmh ?? 0,
    course: r.course ?? 0,
    altitude: r.altitude ?? 0,
    valid: r.valid,
    attributes,
  };
}

// Codes are the error catalogue's, or the OsmAnd parser's own for what it refuses.
function refuse(reply: FastifyReply, status: number, code: string, message: string, field?: string) {
  const details = field === undefined ? {} : { details: { field } };
  return reply.status(status).send({ error: { code, message, ...details } });
}

/**
 * The OsmAnd / Traccar Client HTTP listener: GET `/` with a query, or POST `/` with a form or
 * JSON body. No session: as in Traccar, the device id is the credential, so an unknown id gets
 * 404. 200 is sent only after the position is committed; a phone app keeps and resends a
 * position until it gets 200.
 */
export async function startOsmAndServer(
  g: GatewayContext,
  host: string,
  port: number,
): Promise<HttpListener> {
  const app = Fastify({
    loggerInstance: g.log,
    // Thousands of phones report every few seconds: a log line per request would drown the rest.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    frameworkErrors: (error, _request, reply) =>
      refuse(reply as FastifyReply, 400, 'BAD_URL', `The URL cannot be read: ${error.message}`),
  });
  // Every body arrives as text and the codec chooses JSON, form or text itself, as traccar does:
  // clients send forms without a Content-Type and JSON as text/plain.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) return refuse(reply, error.status, error.code, error.message);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return refuse(
        reply,
        413,
        'PAYLOAD_TOO_LARGE',
        `Send one position per request, under ${BODY_LIMIT} bytes`,
      );
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return refuse(reply, 400, 'VALIDATION_FAILED', error.message);
    }
    // Input is checked before anything is stored, so what is left is the database: the app retries.
    request.log.error({ err: error, protocol: PROTOCOL }, 'OsmAnd position not stored');
    return refuse(
      reply,
      503,
      'DATABASE_UNAVAILABLE',
      'The position could not be stored; send it again later',
    );
  });
  app.setNotFoundHandler((request, reply) =>
    refuse(
      reply,
      404,
      'ROUTE_NOT_FOUND',
      `Send positions to / (GET or POST), not ${request.url.split('?')[0]}`,
    ),
  );

  // Counted and logged like a bad frame of the TCP protocols; the reason is the parser's code.
  const badRequest = (
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    message: string,
    field?: string,
  ) => {
    g.metrics.rejectedFrames.inc({ protocol: PROTOCOL, reason: code.toLowerCase() });
    g.log.warn(
      { protocol: PROTOCOL, remote: request.ip, reason: code, url: request.url.slice(0, 512) },
      'OsmAnd request refused',
    );
    return refuse(reply, 400, code, message, field);
  };

  const report = async (request: FastifyRequest, reply: FastifyReply) => {
    const parsed = parseOsmAnd(
      {
        query: request.query as Record<string, string | string[]>,
        body: typeof request.body === 'string' && request.body !== '' ? request.body : undefined,
        contentType: request.headers['content-type'],
      },
      g.ctx.now(),
    );
    if (!parsed.ok)
      return badRequest(request, reply, parsed.error.code, parsed.error.message, parsed.error.field);
    const nul = attributesProblem(parsed.report.attributes);
    if (nul) return badRequest(request, reply, 'VALIDATION_FAILED', nul);
    const id = parsed.report.deviceId;
    // An id that could never be registered is not looked up (nor auto-registered).
    const device = identifierProblem(PROTOCOL, id) ? undefined : await g.devices.resolve(PROTOCOL, id);
    if (!device) {
      g.metrics.unknownDevices.inc({ protocol: PROTOCOL });
      // Info, not warn: a phone not yet registered reports every few seconds; the id is needed to register it.
      g.log.info(
        { protocol: PROTOCOL, remote: request.ip, id: id.slice(0, 64) },
        'unknown OsmAnd device refused',
      );
      return refuse(
        reply,
        404,
        'DEVICE_NOT_FOUND',
        `No OsmAnd device with id "${id.slice(0, 64)}": register it (protocol osmand, identifier = the app's device id)`,
        'id',
      );
    }
    const { unstorable } = await g.ingest.ingest(device, [osmandFix(parsed.report)], { protocol: PROTOCOL });
    // Parsed but beyond what can be stored (a time past year 275760): refused, never a 200.
    if (unstorable > 0)
      return badRequest(
        request,
        reply,
        'OUT_OF_RANGE',
        'The position cannot be stored: its time is beyond the year 275760; send the fix time in epoch seconds, milliseconds or ISO-8601',
      );
    return reply.status(200).send();
  };
  app.get('/', report);
  app.post('/', report);

  await app.listen({
    host,
    port,
    listenTextResolver: (address) => `${PROTOCOL} gateway listening on ${address}`,
  });
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { port: bound, close: () => app.close() };
}
