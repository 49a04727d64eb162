import assert from 'node:assert/strict';
import { actAs, storedPhoto } from './orders.ts';

type FlowApp = Parameters<typeof actAs>[0];

type Login = (username: string) => Promise<Record<string, string>>;

/**
 * Reports an order as the operator at a position and time, registers it five minutes later,
 * and dispatches it half an hour later with the given body; returns its id and version.
 */
export async function reportAndDispatch(
  t: FlowApp,
  as: Login,
  input: { at: number; categoryId: string; lat: number; lon: number; dispatch: object },
): Promise<{ id: string; version: number }> {
  t.clock.t = input.at;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: await as('operator'),
    payload: { categoryId: input.categoryId, lat: input.lat, lon: input.lon, description: 'test order' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id: string = created.json().order.id;
  t.clock.t = input.at + 5 * 60_000;
  const registered = await actAs(t, await as('operator'), id, 'register');
  assert.equal(registered.statusCode, 200, registered.body);
  t.clock.t = input.at + 30 * 60_000;
  const dispatched = await actAs(t, await as('operator'), id, 'dispatch', input.dispatch);
  assert.equal(dispatched.statusCode, 200, dispatched.body);
  return { id, version: dispatched.json().order.version };
}

/**
 * Carries an order dispatched to community A1 on to closed, one action a minute: A1's user signs,
 * handles and feeds back with a photo, and the operator verifies and closes it.
 */
export async function handleAndCloseInA1(t: FlowApp, as: Login, id: string): Promise<void> {
  const photo = await storedPhoto(t, 'commA1');
  for (const [user, action, body] of [
    ['commA1', 'sign', {}],
    ['commA1', 'startHandling', {}],
    ['commA1', 'feedback', { photos: [photo] }],
    ['operator', 'verify', { passed: true }],
    ['operator', 'close', {}],
  ] as const) {
    t.clock.advance(60_000);
    const res = await actAs(t, await as(user), id, action, body);
    assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  }
}
