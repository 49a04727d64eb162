import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { type LiveFeed, type LiveMessage, openLiveFeed } from './helpers/live-feed.ts';
import { actAs, bj, IN_A1_GRID1, sessions, useOrderWorld } from './helpers/orders.ts';

// A unit asked for its opinion (征询) may read the order, so its consoles hear of it live like
// the units holding it; and the asker hears of the answer. Over a real WebSocket.
forEachDialect('live feed of consultations', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);
  const feeds: LiveFeed[] = [];
  after(() => {
    for (const feed of feeds) feed.close();
  });

  const open = async (user: string) => {
    const feed = await openLiveFeed(t.app, await as(user));
    feeds.push(feed);
    return feed;
  };

  async function act(user: string, local: string, id: string, action: string, body: object = {}) {
    t.clock.t = bj(local);
    const res = await actAs(t, await as(user), id, action, body);
    assert.equal(res.statusCode, 200, `${user} ${action}: ${res.body}`);
    return res.json();
  }

  async function report(user: string, local: string, where = IN_A1_GRID1): Promise<string> {
    t.clock.t = bj(local);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as(user),
      payload: { categoryId: world.categories.get('暴露垃圾'), ...where, description: '行道树枝条过长' },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().order.id;
  }

  const updateOf = (id: string, version: number) => (m: LiveMessage) =>
    m.type === 'order.updated' && m.data.id === id && m.data.version === version;

  it('pushes order.updated to the consulted units when asked, and to the asking workstation when answered', async () => {
    const [green, power, wsA, commB1] = [
      await open('green'),
      await open('power'),
      await open('wsA'),
      await open('commB1'),
    ];
    // Community A1 cannot settle it and passes it up to workstation A, which asks greening and power.
    const id = await report('commA1', '2026-03-10 09:00');
    const escalated = await act('commA1', '2026-03-10 09:05', id, 'escalate');
    assert.equal(escalated.order.responsibleUnitId, t.org.wsA.id);
    const asked = await act('wsA', '2026-03-10 09:10', id, 'consult', {
      unitIds: [t.org.dept.id, world.power.id],
      question: '行道树可否修剪？',
      dueAt: new Date(bj('2026-03-11 17:30')).toISOString(),
    });
    const version = asked.order.version;
    const seenByGreen = await green.next(updateOf(id, version));
    assert.deepEqual([seenByGreen.data.code, seenByGreen.data.status], [asked.order.code, 'reported']);
    await power.next(updateOf(id, version));

    const answered = await act('green', '2026-03-10 09:30', id, 'consultReply', {
      agree: true,
      note: '同意修剪',
    });
    const seenByAsker = await wsA.next(updateOf(id, answered.order.version));
    assert.equal(seenByAsker.data.id, id);
    await power.next(updateOf(id, answered.order.version));

    // Community B1 is not involved: a report of its own reaches it, the consultation never did.
    const own = await report('commB1', '2026-03-10 09:40', { lat: 31.305, lon: 120.845 });
    await commB1.next((m) => m.type === 'order.created' && m.data.id === own);
    assert.deepEqual(
      commB1.messages.filter((m) => m.data?.id === id),
      [],
      'nothing of an order community B1 may not read',
    );
  });
});
