import { Counter, Histogram, type Registry } from 'prom-client';

/** Ingest counters, one set per registry (per app). */
export interface IngestMetrics {
  positions: Counter<'protocol' | 'kind'>;
  rejectedFrames: Counter<'protocol' | 'reason'>;
  unstorableFixes: Counter<'protocol'>;
  unknownDevices: Counter<'protocol'>;
  connections: Counter<'protocol'>;
  commitSeconds: Histogram;
}

export function createIngestMetrics(registry: Registry): IngestMetrics {
  return {
    positions: new Counter({
      name: 'zs_ingest_positions_total',
      help: 'Positions stored, by protocol and kind (live, blind, flagged, duplicate)',
      labelNames: ['protocol', 'kind'],
      registers: [registry],
    }),
    rejectedFrames: new Counter({
      name: 'zs_ingest_frames_rejected_total',
      help: 'Device frames that could not be decoded, by protocol and reason',
      labelNames: ['protocol', 'reason'],
      registers: [registry],
    }),
    unstorableFixes: new Counter({
      name: 'zs_ingest_fixes_unstorable_total',
      help: 'Fixes no column can hold (time out of range, coordinates not numbers): not stored, answered as an error',
      labelNames: ['protocol'],
      registers: [registry],
    }),
    unknownDevices: new Counter({
      name: 'zs_ingest_unknown_devices_total',
      help: 'Messages from identifiers that are not registered devices',
      labelNames: ['protocol'],
      registers: [registry],
    }),
    connections: new Counter({
      name: 'zs_ingest_connections_total',
      help: 'Device connections accepted, by protocol',
      labelNames: ['protocol'],
      registers: [registry],
    }),
    commitSeconds: new Histogram({
      name: 'zs_ingest_commit_seconds',
      help: 'Duration of one group commit of positions',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
  };
}
