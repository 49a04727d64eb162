import { before } from 'node:test';
import type { App } from '../../src/http/app-types.ts';
import { newId } from '../../src/ids.ts';
import { seedWorkOrderDefaults } from '../../src/services/categories/index.ts';
import { createUnit } from '../../src/services/units/index.ts';
import { createUser } from '../../src/services/users/index.ts';
import { insertAttachment } from '../../src/store/attachments.repository.ts';
import { listCategories } from '../../src/store/categories.repository.ts';
import type { Store } from '../../src/store/database.ts';
import type { DialectKind } from '../../src/store/dialect/types.ts';
import type { Unit } from '../../src/store/units.repository.ts';
import { loginAs, PASSWORD, type TestClock, useTestApp } from './app.ts';

/** What useTestApp provides, as far as the work-order helpers need it. */
interface TestApp {
  app: App;
  store: Store;
  clock: TestClock;
  org: { sub: Unit; users: Record<string, { id: string }> };
}

/** A Beijing wall-clock time ('2026-03-02 09:00') as UTC ms. */
export const bj = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);

/** A point inside the first grid of community A1 (the fixture's squares start at 31.30, 120.80). */
export const IN_A1_GRID1 = { lat: 31.305, lon: 120.805 };
/** A point inside the first grid of community A2. */
export const IN_A2_GRID1 = { lat: 31.305, lon: 120.825 };

/**
 * Adds what work orders need to the fixture organisation, without touching its units and
 * users: a power-supply department (user `power`), a tree-trimming contractor (user `crew`),
 * the default category dictionary and the 2026 calendar. Call after useTestApp.
 */
export function useOrderWorld(t: TestApp) {
  const world = {} as { power: Unit; contractor: Unit; categories: Map<string, string> };
  before(async () => {
    const ctx = { db: t.store.db, now: t.clock.now };
    world.power = await createUnit(ctx, {
      kind: 'department',
      parentId: t.org.sub.id,
      code: 'D-POWER',
      name: '供电所',
    });
    world.contractor = await createUnit(ctx, {
      kind: 'contractor',
      parentId: t.org.sub.id,
      code: 'C-TRIM',
      name: '绿化养护公司',
    });
    for (const [username, role, unitId] of [
      ['power', 'department', world.power.id],
      ['crew', 'crew', world.contractor.id],
    ] as const) {
      t.org.users[username] = await createUser(ctx, {
        username,
        password: PASSWORD,
        displayName: username,
        role,
        unitId,
      });
    }
    await seedWorkOrderDefaults(ctx);
    world.categories = new Map((await listCategories(t.store.db)).map((c) => [c.minorName, c.id]));
  });
  return world;
}

/**
 * A stored photo to reference by id. The row is written directly: these tests are about
 * orders, and the upload path has tests of its own.
 */
export async function storedPhoto(t: TestApp, uploader: string): Promise<string> {
  const id = newId();
  // A fixture username (the photo is then theirs to attach) or a raw user id.
  const uploadedBy = t.org.users[uploader]?.id ?? uploader;
  await insertAttachment(t.store.db, {
    id,
    sha256: id.replaceAll('-', '').padEnd(64, '0'),
    mime: 'image/jpeg',
    bytes: 1024,
    width: 640,
    height: 480,
    fileName: 'photo.jpg',
    uploadedBy,
    createdAt: t.clock.now(),
    thumbnailSha256: null,
    thumbnailMime: null,
  });
  return id;
}

/** Logs in once per user and keeps the headers, logging in again once the test clock has moved past half a session. */
export function sessions(t: TestApp) {
  const cache = new Map<string, { headers: Record<string, string>; at: number }>();
  return async (username: string) => {
    const known = cache.get(username);
    if (known && t.clock.now() - known.at < 6 * 3_600_000) return known.headers;
    const headers = await loginAs(t.app, username);
    cache.set(username, { headers, at: t.clock.now() });
    return headers;
  };
}

/** The app on `kind` with the order world and a login per user: what an order test starts from. */
export function useOrderApp(kind: DialectKind, overrides: Parameters<typeof useTestApp>[1] = {}) {
  const t = useTestApp(kind, overrides);
  return { t, world: useOrderWorld(t), as: sessions(t) };
}

/** POST /api/orders/:id/actions/:action as a user. */
export function actAs(
  t: TestApp,
  headers: Record<string, string>,
  orderId: string,
  action: string,
  body: object = {},
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/actions/${action}`,
    headers,
    payload: body,
  });
}

/** Reports exposed rubbish (暴露垃圾) in community A1's first grid as a user; the new order's id. */
export async function reportRubbishInA1(
  t: TestApp,
  world: { categories: Map<string, string> },
  headers: Record<string, string>,
): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers,
    payload: { categoryId: world.categories.get('暴露垃圾'), ...IN_A1_GRID1, description: '暴露垃圾' },
  });
  if (created.statusCode !== 201) throw new Error(`report refused: ${created.statusCode} ${created.body}`);
  return created.json().order.id as string;
}
