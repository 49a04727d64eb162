import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import helmet from 'helmet';
import { type Config, ConfigError } from './config.ts';
import { DomainError, ERRORS } from './errors/catalogue.ts';
import type { App, Platform } from './http/app-types.ts';
import { registerAudit } from './http/plugins/audit.ts';
import { registerAuth } from './http/plugins/auth.ts';
import { clientErrorHandler, registerErrorHandling } from './http/plugins/errors.ts';
import { registerIdempotency } from './http/plugins/idempotency.ts';
import { registerInputGuard } from './http/plugins/input-guard.ts';
import { createRegistry, registerMetrics } from './http/plugins/metrics.ts';
import { registerRequestLog } from './http/plugins/request-log.ts';
import { registerValidation } from './http/plugins/validation.ts';
import { alertRoutes } from './http/routes/alerts.ts';
import { assetRoutes } from './http/routes/assets.ts';
import { attachmentRoutes } from './http/routes/attachments.ts';
import { auditRoutes } from './http/routes/audit.ts';
import { calendarRoutes } from './http/routes/calendar.ts';
import { categoryRoutes } from './http/routes/categories.ts';
import { crewRoutes } from './http/routes/crews.ts';
import { deviceRoutes } from './http/routes/devices.ts';
import { dockRoutes } from './http/routes/docks.ts';
import { dutyRoutes } from './http/routes/duty.ts';
import { fleetSettingsRoutes } from './http/routes/fleet-settings.ts';
import { healthRoutes } from './http/routes/health.ts';
import { indicatorRoutes } from './http/routes/indicators.ts';
import { liveRoutes } from './http/routes/live.ts';
import { metricRoutes } from './http/routes/metrics.ts';
import { noticeRoutes } from './http/routes/notices.ts';
import { notificationRoutes } from './http/routes/notifications.ts';
import { open311Routes } from './http/routes/open311.ts';
import { answerOpen311FrameworkError } from './http/routes/open311-format.ts';
import { open311KeyRoutes } from './http/routes/open311-keys.ts';
import { orderRoutes } from './http/routes/orders.ts';
import { positionRoutes } from './http/routes/positions.ts';
import { progressRoutes } from './http/routes/progress.ts';
import { reportRoutes } from './http/routes/reports.ts';
import { segmentRoutes } from './http/routes/segments.ts';
import { sessionRoutes } from './http/routes/session.ts';
import { shiftRoutes } from './http/routes/shifts.ts';
import { summaryRoutes } from './http/routes/summaries.ts';
import { taskRoutes } from './http/routes/tasks.ts';
import { trackRoutes } from './http/routes/tracks.ts';
import { unitRoutes } from './http/routes/units.ts';
import { unloadRoutes } from './http/routes/unloads.ts';
import { userRoutes } from './http/routes/users.ts';
import { newId } from './ids.ts';
import { DeviceDirectory } from './ingest/device-directory.ts';
import { createIngestMetrics } from './ingest/metrics.ts';
import { IngestPipeline } from './ingest/pipeline.ts';
import { LiveBus } from './live/bus.ts';
import { PgLiveChannel } from './live/pg-channel.ts';
import { AlertEngine } from './services/alerts/index.ts';
import {
  adapterFor,
  migrate,
  openStore,
  type ReadScope,
  type Store,
  unsafeDurabilitySettings,
} from './store/database.ts';
import { VERSION } from './version.ts';

export interface AppOptions {
  /** An already open store (tests); otherwise one is opened from the config. */
  store?: Store;
  /** The clock; tests pass a fixed one. */
  now?: () => number;
  /** pino options or false; defaults to JSON logs at the configured level. */
  logger?: boolean | object;
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}

/** Query parameters that carry credentials: the WebSocket's session token, Open311 API keys. */
const SECRET_PARAMS = new Set(['access_token', 'token', 'api_key']);

/** The URL with every credential's value replaced, so tokens never reach the request log. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((part) => {
      const raw = part.split('=', 1)[0] ?? '';
      let name = raw;
      try {
        name = decodeURIComponent(raw.replaceAll('+', ' '));
      } catch {
        // A malformed escape: compare the name as sent.
      }
      return SECRET_PARAMS.has(name.toLowerCase()) ? `${raw}=[REDACTED]` : part;
    })
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}

/** Fastify's request serializer, with credentials taken out of the URL. */
function serializeRequest(req: FastifyRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    version: req.headers?.['accept-version'],
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** pino options: the caller's (tests capture logs), always with the redacting request serializer. */
function loggerOptions(logger: AppOptions['logger'], level: string): false | object {
  if (logger === false) return false;
  const base = (typeof logger === 'object' ? logger : { level }) as { serializers?: object };
  return { ...base, serializers: { ...base.serializers, req: serializeRequest } };
}

/** The console's content security policy: its own scripts, tiles and the live feed over https/wss. */
const CONTENT_SECURITY_POLICY = {
  directives: {
    defaultSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    workerSrc: ["'self'", 'blob:'],
    connectSrc: ["'self'", 'ws:', 'wss:', 'https:'],
  },
};

/** Builds the whole application (database migrated, routes registered) without listening. */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const store = options.store ?? openStore(adapterFor(config));
  const unsafe = await unsafeDurabilitySettings(store);
  if (unsafe.length > 0 && !config.allowUnsafeDurability) {
    if (!options.store) await store.close();
    throw new ConfigError(
      `PostgreSQL runs with ${unsafe.join(' and ')}: a commit it reports may not be on disk, so device ` +
        'acknowledgements and 2xx answers could be lost in a crash. Turn it on (postgresql.conf or ALTER SYSTEM, ' +
        'and check ALTER DATABASE/ROLE … SET and the connection string), or set ZS_ALLOW_UNSAFE_DURABILITY=1 to start anyway',
    );
  }
  await migrate(store);
  const now = options.now ?? Date.now;
  const ctx = { db: store.db, now };
  const bus = new LiveBus();
  const metrics = createRegistry();
  const ingestMetrics = createIngestMetrics(metrics);
  const devices = new DeviceDirectory(ctx);
  const alerts = new AlertEngine(ctx, bus, {
    warn: (details, message) => app.log.warn(details, message),
  });
  const ingest = new IngestPipeline({
    db: store.db,
    bus,
    now,
    metrics: ingestMetrics,
    unitPathOf: (device) => devices.unitPathOf(device),
    observer: alerts,
    // SQLite's driver commits a second batch while the first one's fsync runs (wal-sync.ts).
    batch: { maxItems: 2000, maxDelayMs: 4, maxInFlight: store.kind === 'sqlite' ? 2 : 1 },
  });
  const platform: Platform = {
    config,
    store,
    ctx,
    bus,
    metrics,
    ingest,
    alerts,
    ingestMetrics,
    devices,
    authPolicy: {
      sessionTtlMs: config.sessionTtlHours * 3_600_000,
      backoffAfter: config.loginBackoffAfter,
      lockAfter: config.loginLockAfter,
      lockMs: config.loginLockMinutes * 60_000,
    },
    startedAt: Date.now(),
    version: VERSION,
    routes: [],
  };

  const app = Fastify({
    logger: loggerOptions(options.logger, config.logLevel),
    genReqId: () => newId(),
    // One line a request from registerRequestLog instead: debug when fine, info when slow or refused.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.maxBodyBytes,
    // Off by default: with it on, any client could name its own address in X-Forwarded-For.
    trustProxy: config.trustProxy,
    // What Node's HTTP parser refuses (431 and the like) answers in the catalogue's shape too.
    clientErrorHandler,
    // Node answers a request without Host with an empty 400; errors.ts checks it instead, in that shape.
    http: { requireHostHeader: false },
    // Errors the router raises before any hook runs still answer in the catalogue's shape.
    frameworkErrors: (error, request, reply) => {
      if (answerOpen311FrameworkError(error, request, reply as FastifyReply)) return;
      const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URL_TOO_LONG' : 'BAD_URL';
      const body = { error: { code, message: `${ERRORS[code].message}: ${error.message}` } };
      (reply as FastifyReply).status(ERRORS[code].status).send(body);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('platform', platform);
  if (unsafe.length > 0)
    app.log.warn(
      { settings: unsafe },
      'ZS_ALLOW_UNSAFE_DURABILITY=1: started although PostgreSQL may report commits that are not on disk',
    );

  registerValidation(app);
  registerErrorHandling(app, store.adapter);
  registerRequestLog(app);
  // First of all hooks, so that every read a request makes (its session's too) comes after its mark.
  // A GET or HEAD reads inside a read scope instead where the store has one (SQLite on disk): its
  // reads see committed batches only, and its answer waits for their fsync, not for the batch
  // other requests are filling meanwhile (docs/RELIABILITY.md).
  const batchMarks = new WeakMap<object, number>();
  const readScopes = new WeakMap<object, ReadScope>();
  app.addHook('onRequest', (request, _reply, done) => {
    const scope = request.method === 'GET' || request.method === 'HEAD' ? store.beginReads() : undefined;
    if (!scope) {
      batchMarks.set(request, store.mark());
      return done();
    }
    readScopes.set(request, scope);
    store.withReads(scope, done);
  });
  registerInputGuard(app);
  // Before the rate limit's and authentication's onRequest hooks, so that refusals (401, 429)
  // carry the security headers too.
  // Helmet's headers on every response. @fastify/helmet's own global hook builds helmet's
  // middleware anew for each request (parsing the policy every time: a tenth of the CPU of a
  // small request), so it is registered without it (reply.helmet() stays available) and the
  // same middleware, built once from the same options, runs in a hook of ours at its place.
  await app.register(fastifyHelmet, { global: false, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  const securityHeaders = helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );
  // Cookies are parsed in an onRequest hook that must run before authentication's.
  await app.register(fastifyCookie);
  // Its onRequest hook marks upgrade requests so that a refused upgrade's socket is destroyed: it must run before auth's.
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(fastifyRateLimit, {
    // Not per route: route-level hooks run after the instance's, so refused logins and 401s would go uncounted.
    global: false,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new DomainError(
        'RATE_LIMITED',
        `Too many requests: at most ${context.max} a minute; retry in ${context.after}`,
      ),
  });
  // Before authentication's hook, so unauthenticated floods are limited too.
  app.addHook('onRequest', app.rateLimit());
  // Before any route, so that its onRoute check sees every route, plugins' included.
  registerAuth(app, ctx, platform.routes);
  if (config.corsOrigins.length > 0)
    await app.register(fastifyCors, { origin: config.corsOrigins, credentials: true });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Zhongshu 中枢 API',
        version: VERSION,
        description: 'Integrated command centre of a subdistrict',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAudit(app, ctx);
  // What a response shows may come from a group commit still open (SQLite): send it once that is
  // on disk, and not at all if a batch it may have read from was rolled back.
  app.addHook('onSend', async (request) => {
    const scope = readScopes.get(request);
    const since = batchMarks.get(request);
    // Once only: the error answer this may cause is sent through onSend again.
    readScopes.delete(request);
    batchMarks.delete(request);
    if (scope) await store.settledReads(scope);
    else await store.settled(since);
  });
  // After the settling above: an answer is kept for replays once what it shows is on disk.
  registerIdempotency(app, ctx);
  registerMetrics(app, metrics);

  for (const routes of [
    healthRoutes,
    sessionRoutes,
    unitRoutes,
    userRoutes,
    auditRoutes,
    liveRoutes,
    deviceRoutes,
    positionRoutes,
    assetRoutes,
    trackRoutes,
    fleetSettingsRoutes,
    summaryRoutes,
    segmentRoutes,
    dockRoutes,
    alertRoutes,
    crewRoutes,
    shiftRoutes,
    dutyRoutes,
    unloadRoutes,
    categoryRoutes,
    calendarRoutes,
    orderRoutes,
    attachmentRoutes,
    indicatorRoutes,
    metricRoutes,
    progressRoutes,
    taskRoutes,
    reportRoutes,
    notificationRoutes,
    noticeRoutes,
    open311KeyRoutes,
    open311Routes,
  ]) {
    await routes(app, platform);
  }

  const webDist = path.resolve(import.meta.dirname, '../web/dist');
  if (fs.existsSync(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      setHeaders: (res, file) => {
        if (file.endsWith('.mjs')) res.header('content-type', 'text/javascript');
        if (file.endsWith('.webmanifest')) res.header('content-type', 'application/manifest+json');
        // The service worker and the shell's entry are checked on every visit, so a new build takes over.
        if (file.endsWith('sw.js') || file.endsWith('index.html')) res.header('cache-control', 'no-cache');
      },
    });
  }

  // Several server processes share their live events over the database (PostgreSQL only).
  const channel =
    config.liveChannel === 'postgres' && config.databaseUrl && store.adapter.kind === 'postgres'
      ? new PgLiveChannel({
          connectionString: config.databaseUrl,
          bus,
          log: app.log.child({ component: 'live-channel' }),
          metrics,
        })
      : undefined;
  await channel?.start();

  app.addHook('onClose', async () => {
    await ingest.close();
    await alerts.idle();
    // After the pipeline's last positions, so that they still reach the other processes.
    await channel?.close();
    if (!options.store) await store.close();
  });
  return app;
}
