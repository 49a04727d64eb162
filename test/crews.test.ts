import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { newId } from '../src/ids.ts';
import { findAudit, loginAs, useTestApp } from './helpers/app.ts';
import { useFleetWorld } from './helpers/crews.ts';
import { forEachDialect } from './helpers/dialects.ts';

forEachDialect('boat crews', (kind) => {
  const t = useTestApp(kind);
  const w = useFleetWorld(t);
  let admin: Record<string, string>;

  before(async () => {
    admin = await loginAs(t.app, 'admin');
  });

  const putCrew = (boatId: string, memberIds: string[], headers = admin) =>
    t.app.inject({ method: 'PUT', url: `/api/assets/${boatId}/crew`, headers, payload: { memberIds } });
  const crewCodes = async (boatId: string, headers = admin): Promise<number | string[]> => {
    const res = await t.app.inject({ url: `/api/assets/${boatId}/crew`, headers });
    return res.statusCode === 200 ? res.json().items.map((a: { code: string }) => a.code) : res.statusCode;
  };

  it('lists a boat’s crew, each member with their boat and login', async () => {
    assert.deepEqual(await crewCodes(w.boats.b1), ['CREW-1', 'CREW-2']);
    assert.deepEqual(await crewCodes(w.boats.b2), ['CREW-3']);
    const c1 = (await t.app.inject({ url: `/api/assets/${w.crew.c1}`, headers: admin })).json();
    assert.deepEqual([c1.kind, c1.boatId, c1.userId], ['crew', w.boats.b1, w.users.crew1]);
    const c4 = (await t.app.inject({ url: `/api/assets/${w.crew.c4}`, headers: admin })).json();
    assert.deepEqual([c4.boatId, c4.userId], [null, null]);
    // A crew member has no crew of their own.
    assert.deepEqual(await crewCodes(w.crew.c1), []);
  });

  it('reads the crew within the scope of assets: a crew user their own unit’s, others 404 or 403', async () => {
    assert.deepEqual(await crewCodes(w.boats.b1, await loginAs(t.app, 'crew1')), ['CREW-1', 'CREW-2']);
    assert.deepEqual(await crewCodes(w.boats.b1, await loginAs(t.app, 'leader')), ['CREW-1', 'CREW-2']);
    assert.equal(await crewCodes(w.boats.b1, await loginAs(t.app, 'commA1')), 404);
    assert.equal(await crewCodes(newId(), admin), 404);
    assert.equal(await crewCodes(w.boats.b1, await loginAs(t.app, 'resident')), 403);
  });

  it('keeps a crew member on one boat at most: 409 CREW_MEMBER_TAKEN names the other boat', async () => {
    const res = await putCrew(w.boats.b2, [w.crew.c3, w.crew.c2]);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'CREW_MEMBER_TAKEN');
    assert.match(res.json().error.message, /"李二" is on "清波1号"/);
    assert.deepEqual(await crewCodes(w.boats.b2), ['CREW-3'], 'nothing changed');
    // Off b1 first, then onto b2.
    assert.equal((await putCrew(w.boats.b1, [w.crew.c1])).statusCode, 200);
    const moved = await putCrew(w.boats.b2, [w.crew.c3, w.crew.c2]);
    assert.equal(moved.statusCode, 200, moved.body);
    assert.deepEqual(
      moved.json().items.map((a: { code: string; boatId: string }) => [a.code, a.boatId]),
      [
        ['CREW-2', w.boats.b2],
        ['CREW-3', w.boats.b2],
      ],
    );
    const audit = await findAudit(
      t.app,
      admin,
      (e) => e.action === 'PUT /api/assets/:id/crew' && e.status === 409 && e.target === w.boats.b2,
    );
    assert.ok(audit, 'the refused change is audited too');
    // Put back as the fixture has it.
    assert.equal((await putCrew(w.boats.b2, [w.crew.c3])).statusCode, 200);
    assert.equal((await putCrew(w.boats.b1, [w.crew.c1, w.crew.c2])).statusCode, 200);
  });

  it('refuses a crew for what is not a boat, members that are not crew, unknown members and other roles', async () => {
    const onCrew = await putCrew(w.crew.c4, [w.crew.c4]);
    assert.equal(onCrew.statusCode, 422);
    assert.equal(onCrew.json().error.code, 'ASSET_KIND_WRONG');
    const boatAsMember = await putCrew(w.boats.b1, [w.crew.c1, w.boats.b2]);
    assert.equal(boatAsMember.statusCode, 422);
    assert.match(boatAsMember.json().error.message, /"清波2号" is a boat, not a crew member/);
    const unknown = await putCrew(w.boats.b1, [newId()]);
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'ASSET_NOT_FOUND');
    const twice = await putCrew(w.boats.b1, [w.crew.c1, w.crew.c1]);
    assert.equal(twice.statusCode, 400);
    for (const user of ['commA1', 'leader', 'crew1', 'riverStaff']) {
      assert.equal((await putCrew(w.boats.b1, [], await loginAs(t.app, user))).statusCode, 403, user);
    }
  });

  it('links a crew member to one crew login only', async () => {
    const patch = (id: string, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/assets/${id}`, headers: admin, payload });
    const taken = await patch(w.crew.c4, { userId: w.users.crew1 });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'CREW_LOGIN_TAKEN');
    const notCrew = await patch(w.crew.c4, { userId: t.org.users.operator?.id });
    assert.equal(notCrew.statusCode, 422);
    assert.equal(notCrew.json().error.code, 'USER_ROLE_WRONG');
    const onBoat = await patch(w.boats.b1, { userId: w.users.crewless });
    assert.equal(onBoat.statusCode, 422);
    assert.equal(onBoat.json().error.code, 'ASSET_KIND_WRONG');
    const unknown = await patch(w.crew.c4, { userId: newId() });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'USER_NOT_FOUND');
    const linked = await patch(w.crew.c4, { userId: w.users.crewless });
    assert.equal(linked.json().userId, w.users.crewless);
    const unlinked = await patch(w.crew.c4, { userId: null });
    assert.equal(unlinked.json().userId, null);
  });

  it('takes a deleted boat’s crew off it', async () => {
    const boat = await t.app.inject({
      method: 'POST',
      url: '/api/assets',
      headers: admin,
      payload: { kind: 'boat', code: 'BOAT-X', name: '临时船', unitId: w.contractor },
    });
    assert.equal((await putCrew(boat.json().id, [w.crew.c4])).statusCode, 200);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/assets/${boat.json().id}`,
      headers: admin,
    });
    assert.equal(removed.statusCode, 204);
    const c4 = (await t.app.inject({ url: `/api/assets/${w.crew.c4}`, headers: admin })).json();
    assert.equal(c4.boatId, null);
  });
});
