import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import type { DeviceDirectory } from '../ingest/device-directory.ts';
import type { IngestMetrics } from '../ingest/metrics.ts';
import type { IngestPipeline } from '../ingest/pipeline.ts';
import type { LiveBus } from '../live/bus.ts';
import type { AlertEngine } from '../services/alerts/index.ts';
import type { AuthPolicy } from '../services/auth/index.ts';
import type { ServiceContext } from '../services/context.ts';
import type { Store } from '../store/database.ts';
import type { Access } from './access.ts';

/** The Fastify instance with TypeBox typing, as every route module receives it. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What route modules get besides the app: the platform's shared parts. */
export interface Platform {
  config: Config;
  store: Store;
  ctx: ServiceContext;
  bus: LiveBus;
  authPolicy: AuthPolicy;
  startedAt: number;
  version: string;
  metrics: Registry;
  ingest: IngestPipeline;
  /** The live alert rules: fed by the ingest, ticked by the jobs plugin. */
  alerts: AlertEngine;
  ingestMetrics: IngestMetrics;
  devices: DeviceDirectory;
  /** Every registered route with its declared access: walked by the security tests and shown in docs. */
  routes: RouteEntry[];
}

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
  bodySchema: unknown;
  websocket: boolean;
}
