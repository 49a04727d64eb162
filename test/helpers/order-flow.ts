import assert from 'node:assert/strict';
import { actAs } from './orders.ts';

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
