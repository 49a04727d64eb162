import type { Migration, MigrationProvider } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';
import { foundation } from './0001-foundation.ts';
import { devices } from './0002-devices.ts';
import { orders } from './0003-orders.ts';
import { attachments } from './0004-attachments.ts';
import { jobs } from './0005-jobs.ts';
import { open311 } from './0006-open311.ts';
import { attachmentOrders } from './0007-attachment-orders.ts';
import { docks } from './0008-docks.ts';
import { boatSegments } from './0009-boat-segments.ts';
import { crewsAndShifts } from './0010-crews-and-shifts.ts';
import { clockEvents } from './0011-clock-events.ts';
import { unloads } from './0012-unloads.ts';
import { metrics } from './0013-metrics.ts';
import { daySummaries } from './0014-day-summaries.ts';
import { turns } from './0015-turns.ts';
import { tasks } from './0016-tasks.ts';
import { alerts } from './0017-alerts.ts';
import { fieldChecks } from './0018-field-checks.ts';
import { parkUntil } from './0019-park-until.ts';
import { idempotency } from './0020-idempotency.ts';
import { orderRollups } from './0021-order-rollups.ts';

/** Versioned migrations, applied in name order. Append; never edit one that has shipped. */
export function migrationProvider(d: DialectAdapter): MigrationProvider {
  const all: Record<string, Migration> = {
    '0001-foundation': foundation(d),
    '0002-devices': devices(d),
    '0003-orders': orders(d),
    '0004-attachments': attachments(d),
    '0005-jobs': jobs(d),
    '0006-open311': open311(d),
    '0007-attachment-orders': attachmentOrders(d),
    '0008-docks': docks(d),
    '0009-boat-segments': boatSegments(d),
    '0010-crews-and-shifts': crewsAndShifts(d),
    '0011-clock-events': clockEvents(d),
    '0012-unloads': unloads(d),
    '0013-metrics': metrics(d),
    '0014-day-summaries': daySummaries(d),
    '0015-turns': turns(d),
    '0016-tasks': tasks(d),
    '0017-alerts': alerts(d),
    '0018-field-checks': fieldChecks(d),
    '0019-park-until': parkUntil(d),
    '0020-idempotency': idempotency(d),
    '0021-order-rollups': orderRollups(d),
  };
  return { getMigrations: async () => all };
}
