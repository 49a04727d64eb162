import type { FastifyBaseLogger } from 'fastify';
import type { DeviceDirectory } from '../ingest/device-directory.ts';
import type { IngestMetrics } from '../ingest/metrics.ts';
import type { IngestPipeline } from '../ingest/pipeline.ts';
import type { ServiceContext } from '../services/context.ts';

/** What every protocol adapter needs from the platform. */
export interface GatewayContext {
  ctx: ServiceContext;
  ingest: IngestPipeline;
  devices: DeviceDirectory;
  metrics: IngestMetrics;
  log: FastifyBaseLogger;
  /** Per-connection limit on frames a second (burst: ten times that). */
  framesPerSecond: number;
}

/** Logs a refused frame with its bytes, and counts it by reason. */
export function rejectFrame(
  g: GatewayContext,
  protocol: string,
  remote: string,
  reason: string,
  hex: string,
): void {
  g.metrics.rejectedFrames.inc({ protocol, reason });
  g.log.warn({ protocol, remote, reason, hex: hex.slice(0, 512) }, 'device frame refused');
}
