import { after, before } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { App } from '../../src/http/app-types.ts';
import { createUnit } from '../../src/services/units/index.ts';
import { createUser } from '../../src/services/users/index.ts';
import type { Store } from '../../src/store/database.ts';
import type { DialectKind } from '../../src/store/dialect/types.ts';
import { openTestStore } from './dialects.ts';

export const PASSWORD = 'Test-pass-2026';

/** A settable clock for tests: starts at a fixed instant and moves only when told. */
export class TestClock {
  constructor(public t = Date.parse('2026-03-02T01:00:00Z')) {}
  now = () => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ ZS_DATA_DIR: '/tmp/zs-test-unused', LOG_LEVEL: 'silent' }), ...overrides };
}

/** A square polygon with its south-west corner at (lat, lon), `size` degrees a side. */
export function square(lat: number, lon: number, size = 0.01) {
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  };
}

/**
 * A small organisation: one subdistrict; grid area A (workstation A, communities A1 and A2)
 * and grid area B (community B1); two grids per community laid out as 0.01° squares from
 * (31.30, 120.80) eastwards; a department; and one user per role.
 */
export async function seedFixtureOrg(store: Store, now: () => number) {
  const ctx = { db: store.db, now };
  const sub = await createUnit(ctx, { kind: 'subdistrict', code: '320506001', name: '测试街道' });
  const areaA = await createUnit(ctx, {
    kind: 'gridArea',
    parentId: sub.id,
    code: '320506001A',
    name: '第一网格片',
  });
  const areaB = await createUnit(ctx, {
    kind: 'gridArea',
    parentId: sub.id,
    code: '320506001B',
    name: '第二网格片',
  });
  const wsA = await createUnit(ctx, {
    kind: 'workstation',
    parentId: areaA.id,
    code: '320506001A-WS',
    name: '第一联动工作站',
  });
  const communities = [];
  const grids = [];
  const specs = [
    { area: areaA, code: '320506001001', name: 'A1社区' },
    { area: areaA, code: '320506001002', name: 'A2社区' },
    { area: areaB, code: '320506001003', name: 'B1社区' },
  ];
  for (const [i, spec] of specs.entries()) {
    const c = await createUnit(ctx, {
      kind: 'community',
      parentId: spec.area.id,
      code: spec.code,
      name: spec.name,
    });
    communities.push(c);
    for (let g = 0; g < 2; g++) {
      grids.push(
        await createUnit(ctx, {
          kind: 'grid',
          parentId: c.id,
          code: `${spec.code}0${g + 1}`,
          name: `${spec.name}第${g + 1}网格`,
          polygon: square(31.3, 120.8 + (i * 2 + g) * 0.01),
        }),
      );
    }
  }
  const dept = await createUnit(ctx, {
    kind: 'department',
    parentId: sub.id,
    code: 'D-GREEN',
    name: '绿化所',
  });
  const [a1, a2, b1] = communities as [typeof sub, typeof sub, typeof sub];
  const users: Record<string, Awaited<ReturnType<typeof createUser>>> = {};
  const people: [string, string, string][] = [
    ['admin', 'admin', sub.id],
    ['operator', 'operator', sub.id],
    ['leader', 'leader', sub.id],
    ['wsA', 'workstation', wsA.id],
    ['commA1', 'community', a1.id],
    ['commA2', 'community', a2.id],
    ['commB1', 'community', b1.id],
    ['gridA1', 'gridWorker', grids[0]?.id ?? ''],
    ['green', 'department', dept.id],
    ['resident', 'resident', a1.id],
  ];
  for (const [username, role, unitId] of people) {
    users[username] = await createUser(ctx, {
      username,
      password: PASSWORD,
      displayName: username,
      role,
      unitId,
    });
  }
  return { sub, areaA, areaB, wsA, a1, a2, b1, grids, dept, users };
}

/** One line of the app's pino log, parsed. */
export interface LogRecord {
  level: number;
  msg?: string;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

/**
 * Builds an app per dialect around a fresh store and fixture organisation; closes both after.
 * With `logLevel`, the app logs at that level into `logs` (parsed pino lines) instead of nowhere.
 */
export function useTestApp(
  kind: DialectKind,
  overrides: Partial<Config> = {},
  options: { logLevel?: string } = {},
) {
  const clock = new TestClock();
  const state = { logs: [] } as unknown as {
    app: App;
    store: Store;
    org: Awaited<ReturnType<typeof seedFixtureOrg>>;
    clock: TestClock;
    logs: LogRecord[];
  };
  const logger = options.logLevel
    ? {
        level: options.logLevel,
        stream: { write: (line: string) => state.logs.push(JSON.parse(line) as LogRecord) },
      }
    : false;
  let dispose: () => Promise<void>;
  before(async () => {
    const opened = await openTestStore(kind);
    dispose = opened.dispose;
    state.store = opened.store;
    state.clock = clock;
    state.org = await seedFixtureOrg(opened.store, clock.now);
    state.app = await buildApp(testConfig(overrides), { store: opened.store, now: clock.now, logger });
  });
  after(async () => {
    await state.app?.close();
    await dispose?.();
  });
  return state;
}

/** Logs in and returns the bearer headers. */
export async function loginAs(
  app: App,
  username: string,
  password = PASSWORD,
): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${res.json().token}` };
}

export interface AuditEntry {
  action: string;
  target: string | null;
  status: number;
  ip: string | null;
  userId: string | null;
  details: Record<string, unknown> | null;
}

/**
 * The newest audit record `match` picks, read as an admin would. A change's record is written
 * with the change, but a refusal's after the response has gone (an onResponse hook), and so is a
 * correction of a change's status: it may land a moment after `inject` resolves, so this looks
 * again for up to two seconds before answering undefined.
 */
export async function findAudit(
  app: App,
  headers: Record<string, string>,
  match: (entry: AuditEntry) => boolean,
): Promise<AuditEntry | undefined> {
  for (let tries = 0; ; tries++) {
    const res = await app.inject({ url: '/api/audit?limit=50', headers });
    if (res.statusCode !== 200) throw new Error(`audit list: ${res.statusCode} ${res.body}`);
    const found = (res.json().items as AuditEntry[]).find(match);
    if (found || tries >= 100) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
