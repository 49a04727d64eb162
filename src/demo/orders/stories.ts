// The demo's work orders: about a hundred stories over the last month, in every state of the
// flow, told by the people and units of 娄江街道 and fitted to the demo's clock (order-planner.ts)
// so that some are due soon (yellow) or overdue (red) right now. Pure: the world, the PRNG and the
// id maker come in; the orders come out ready for the repositories (orders.ts writes them).
import type { TrafficLight } from '../../domain/calendar/time-limit.ts';
import type { OrderSource } from '../../domain/workorder/dictionary.ts';
import type { Actor } from '../../domain/workorder/model.ts';
import { between, dutyActor, MINUTE_MS, type OrderWorld, type SeededOrder } from './flow.ts';
import { Planner, type Where } from './planner.ts';
import type { OrderScript } from './script.ts';
import { NOTES } from './texts.ts';

/**
 * The demo's orders: what a subdistrict's month of work looks like. Most are closed and visited
 * (mostly satisfied); some closed late, after rework, after a return (退单) or an escalation up
 * the grid; duplicates merged; a few rejected or voided; grid workers fixing small things on the
 * spot; long-term cases parked (挂账); and today's work in every state, green, yellow and red,
 * with extension requests, supervision (督办) and a collaboration with sub-tasks (the
 * overhanging branches over power lines). River rubbish lies on the demo rivers and goes to the
 * river-cleaning contractor, whose crew reports and handles it.
 */
export function planDemoOrders(
  w: OrderWorld,
  random: () => number,
  ids: (at: number) => string,
  options: { open311Reporter?: Actor } = {},
): SeededOrder[] {
  const p = new Planner(w, random, ids, options.open311Reporter);
  const { greening, power, cityManagement: city, lawEnforcement: law, water } = p.departments;
  const contractor = p.contractor;
  const crew = dutyActor(w, contractor);
  const month = 27 * 24;
  const twoDays = { amount: 2, unit: 'days' } as const;
  const fourHours = { amount: 4, unit: 'hours' } as const;

  // A month of closed orders, visited by the centre (or rated by the demo resident).
  const closed: [string, OrderSource, Where][] = [
    ['E0101', 'hotline', 'any'],
    ['C0101', 'open311', 'any'],
    ['E0501', 'hotline', 'any'],
    ['C0105', 'resident', 'homeCommunity'],
    ['E0106', 'open311', 'any'],
    ['C0201', 'hotline', 'area'],
    ['C0302', 'resident', 'any'],
    ['E0201', 'hotline', 'any'],
    ['E0401', 'hotline', 'any'],
    ['E0403', 'open311', 'homeCommunity'],
    ['E0503', 'hotline', 'any'],
    ['C0301', 'open311', 'area'],
    ['E0302', 'hotline', 'any'],
    ['C0404', 'resident', 'any'],
    ['E0101', 'open311', 'area'],
    ['E0504', 'hotline', 'any'],
    ['C0101', 'hotline', 'any'],
    ['E0602', 'hotline', 'any'],
    ['E0601', 'resident', 'any'],
    ['E0502', 'open311', 'any'],
    ['E0103', 'hotline', 'any'],
    ['C0102', 'hotline', 'any'],
    ['E0505', 'hotline', 'any'],
    ['C0103', 'open311', 'any'],
    ['E0402', 'hotline', 'area'],
    ['E0105', 'resident', 'any'],
    ['C0402', 'hotline', 'any'],
    ['E0303', 'open311', 'any'],
    ['E0602', 'resident', 'homeCommunity'],
  ];
  for (const [code, source, where] of closed) {
    p.fit(p.visit(p.order(code, source, where).mainLine()), p.ago(36, month));
  }
  // A city-management patrol finds street trading; the centre gives it back to them.
  p.fit(p.order('E0501', 'patrol', 'any').mainLine({ unit: city }), p.ago(30, month));

  // River rubbish on the demo rivers: the crews find it, the contractor cleans it up.
  for (const river of [0, 2, 5]) {
    p.fit(
      p.order('E0104', 'patrol', { river }, { reporter: crew }).mainLine({ unit: contractor }),
      p.ago(20, month),
    );
  }
  p.fit(p.visit(p.order('E0104', 'resident', { river: 1 }).mainLine({ unit: contractor })), p.ago(30, month));
  p.fit(
    p
      .order('E0104', 'patrol', { river: 3 }, { reporter: crew })
      .register()
      .dispatch(contractor)
      .sign()
      .handle()
      .feedback(),
    p.ago(1, 20),
  );
  p.fit(p.order('E0104', 'hotline', { river: 4 }).register().dispatch(contractor), p.light('yellow'));

  // Closed late: the time limit ran out in the unit's hands (automatic supervision), then done.
  for (const code of ['E0101', 'C0101', 'E0502', 'C0302']) {
    p.fit(
      p.visit(p.order(code, 'hotline', 'any').mainLine({ share: between(1.2, 1.8, random) })),
      p.ago(48, month),
    );
  }

  // Rework (返工): a failed check sends it back to the same unit.
  for (const code of ['E0101', 'E0601', 'C0101']) {
    const s = p.order(code, 'hotline', 'any').register().dispatch().sign().handle().feedback().verify(false);
    p.fit(p.visit(s.feedback(0.2).verify().close()), p.ago(48, month));
  }
  p.fit(
    p.order('E0102', 'open311', 'area').register().dispatch().sign().handle().feedback().verify(false),
    p.ago(8, 60),
  );

  // Reopened (重办): the resident was not satisfied, the centre dispatches it again.
  p.fit(
    p
      .order('E0403', 'hotline', 'any')
      .mainLine()
      .visit('dissatisfied', false)
      .reopen()
      .dispatch()
      .sign()
      .handle(),
    p.light('green'),
  );

  // Returned (退单): dispatched to the wrong unit and sent back; two still wait, two went on.
  p.fit(p.order('C0404', 'hotline', 'any').register().dispatch(city).giveBack(), p.ago(1, 3));
  p.fit(p.order('E0106', 'open311', 'any').register().dispatch(water).sign().giveBack(), p.ago(1, 5));
  p.fit(
    p.visit(
      p.order('C0301', 'hotline', 'area').register().dispatch(greening).sign().giveBack().mainLineFrom(city),
    ),
    p.ago(48, month),
  );
  p.fit(
    p.visit(p.order('C0402', 'hotline', 'any').register().dispatch(city).giveBack().mainLineFrom(greening)),
    p.ago(48, month),
  );

  // Escalated up the grid: community → linkage workstation (→ subdistrict centre).
  p.fit(p.order('C0103', 'gridWorker', 'area').escalate(), p.ago(4, 40));
  p.fit(p.order('E0301', 'gridWorker', 'area').escalate().mainLine({ unit: law }), p.ago(48, month));
  p.fit(p.order('E0501', 'community', 'area').escalate().mainLine({ unit: city }), p.ago(48, month));
  p.fit(
    p.order('E0403', 'gridWorker', 'any').escalate().escalate().mainLine({ unit: water }),
    p.ago(48, month),
  );
  p.fit(
    p.order('C0201', 'gridWorker', 'home').escalate().escalate().register().dispatch(city).sign().handle(),
    p.light('green'),
  );
  p.fit(p.order('E0505', 'community', 'area').escalate().register().dispatch(law).sign(), p.ago(8, 60));

  // The community's own problem list (问题清单): registered and handled in the community.
  const handlerIn = (s: OrderScript, toGrid: boolean) =>
    toGrid ? s.spec.place.grid : s.spec.place.community;
  const community = (code: string, source: OrderSource, where: Where, toGrid: boolean) => {
    const s = p.order(code, source, where).register();
    return s.dispatch(handlerIn(s, toGrid));
  };
  const solvedInCommunity: [string, OrderSource, Where, boolean][] = [
    ['E0601', 'gridWorker', 'home', false],
    ['E0602', 'gridWorker', 'homeCommunity', true],
    ['E0502', 'community', 'area', false],
    ['E0102', 'gridWorker', 'any', false],
  ];
  for (const [code, source, where, toGrid] of solvedInCommunity) {
    const s = p.order(code, source, where);
    p.fit(s.mainLine({ unit: handlerIn(s, toGrid) }), p.ago(30, month));
  }
  p.fit(community('E0201', 'gridWorker', 'home', true).sign().handle(), p.light('green'));

  // Fixed on the spot by the grid worker who found it (自处理).
  const selfHandled: [string, Where][] = [
    ['E0201', 'home'],
    ['E0502', 'home'],
    ['E0101', 'any'],
    ['E0106', 'any'],
    ['E0601', 'any'],
    ['E0502', 'area'],
  ];
  for (const [code, where] of selfHandled)
    p.fit(p.order(code, 'gridWorker', where).selfHandle(), p.ago(4, month));

  // Branches over power lines (树枝搭线): greening leads, the power company cuts the power, the community tells residents.
  const branches = (source: OrderSource, where: Where) => {
    const s = p.order('C0401', source, where).register();
    const home = s.spec.place.community;
    const [powerTask, communityTask] = [ids(w.now), ids(w.now)];
    s.dispatch(greening, [
      { id: powerTask, unitId: power.id, task: NOTES.subTaskPower },
      { id: communityTask, unitId: home.id, task: NOTES.subTaskCommunity },
    ]);
    s.sign().signSubTask(powerTask, power).signSubTask(communityTask, home).handle();
    return { s, finish: () => s.feedbackSubTask(communityTask, home).feedbackSubTask(powerTask, power) };
  };
  const done = branches('hotline', 'any');
  p.fit(p.visit(done.finish().feedback(0.3).verify().close(), 'satisfied'), p.ago(72, month));
  const open = branches('resident', 'homeCommunity');
  p.fit(open.s.requestExtension(twoDays, NOTES.extension.power).approveExtension(), p.light('green'));

  // Extensions (延期): waiting, approved, denied.
  const inHand = (code: string, source: OrderSource, where: Where = 'any') =>
    p.order(code, source, where).register().dispatch().sign().handle();
  p.fit(inHand('C0201', 'hotline').requestExtension(twoDays, NOTES.extension.road), p.ago(8, 60));
  p.fit(inHand('E0402', 'open311').requestExtension(fourHours, NOTES.extension.repair), p.light('yellow'));
  p.fit(
    inHand('C0105', 'hotline').requestExtension(twoDays, NOTES.extension.parts).approveExtension(),
    p.light('green'),
  );
  p.fit(
    inHand('C0101', 'hotline').requestExtension(fourHours, NOTES.extension.cover).denyExtension(),
    p.ago(3, 60),
  );
  p.fit(
    p.visit(
      p
        .order('E0301', 'open311', 'any')
        .register()
        .dispatch(law)
        .sign()
        .handle()
        .requestExtension({ amount: 3, unit: 'days' }, NOTES.extension.demolition)
        .approveExtension()
        .feedback(0.4)
        .verify()
        .close(),
    ),
    p.ago(48, month),
  );

  // Overdue now (red): automatic supervision, and the leader's (督办).
  p.fit(p.order('E0101', 'hotline', 'any').register().dispatch(), p.light('red', [6, 48]));
  p.fit(
    p.order('C0302', 'open311', 'area').register().dispatch().sign().supervise('leader'),
    p.light('red', [8, 60]),
  );
  p.fit(
    p.order('E0104', 'resident', { river: 0 }).register().dispatch(water).sign().handle().supervise('leader'),
    p.light('red', [4, 40]),
  );
  p.fit(p.order('E0503', 'hotline', 'any').register().dispatch().sign().handle(), p.light('red', [12, 80]));
  // Due soon (yellow), and callers pressing: the operator supervises.
  p.fit(
    p.order('E0106', 'hotline', 'any').register().dispatch().sign().supervise('operator'),
    p.light('yellow'),
  );

  // The long-term list (挂账): parked where they stand; one resumed and finished.
  p.fit(
    p.order('E0301', 'hotline', 'any').register().dispatch(law).sign().handle().park(NOTES.park.enforcement),
    p.ago(5 * 24, 20 * 24),
  );
  p.fit(p.order('C0601', 'hotline', { river: 2 }).register().park(NOTES.park.budget), p.ago(3 * 24, 15 * 24));
  const flooded = p.order('E0401', 'hotline', 'any').register().dispatch(water).sign().park(NOTES.park.pipes);
  p.fit(p.visit(flooded.resume().handle().feedback(0.3).verify().close()), p.ago(48, month));

  // Duplicates merged (合并) into the order already open for the same problem.
  const river = p.fit(
    p.order('E0104', 'patrol', { river: 1 }, { reporter: crew }).mainLine({ unit: contractor }),
    p.ago(24, month),
  );
  p.duplicate(river, 'hotline');
  const manhole = p.fit(p.visit(p.order('C0101', 'hotline', 'any').mainLine()), p.ago(24, month));
  p.duplicate(manhole, 'open311');
  const charging = p.fit(community('E0602', 'gridWorker', 'home', false).sign().handle(), p.light('green'));
  p.duplicate(charging, 'resident', { reporter: p.reporter('resident', charging.script.spec.place) });

  // Not cases: rejected (不予立案) and voided (作废).
  p.fit(p.order('E0504', 'hotline', 'any').reject(), p.ago(5, month));
  p.fit(p.order('E0102', 'open311', 'any').reject(), p.ago(5, month));
  p.fit(p.order('E0101', 'hotline', 'any').voidIt(), p.ago(5, month));
  p.fit(p.order('E0502', 'gridWorker', 'any').voidIt(), p.ago(5, month));

  // Today's desk: just reported (the centre's and the communities' problem lists), registered, in hand, done.
  p.fit(p.order('E0101', 'hotline', 'any'), { from: w.now - between(3, 20, random) * MINUTE_MS });
  p.fit(p.order('C0105', 'open311', 'any'), { from: w.now - between(10, 40, random) * MINUTE_MS });
  p.fit(p.order('E0601', 'gridWorker', 'home'), p.ago(1, 6));
  p.fit(p.order('E0602', 'community', 'area'), p.ago(2, 20));
  p.fit(p.order('E0102', 'gridWorker', 'any'), p.ago(1, 24));
  p.fit(p.order('E0303', 'hotline', 'any').register(), { from: w.now - between(20, 60, random) * MINUTE_MS });
  const today: [string, OrderSource, Where, 'dispatch' | 'sign' | 'handle', TrafficLight][] = [
    ['E0501', 'hotline', 'any', 'dispatch', 'green'],
    ['C0201', 'open311', 'any', 'dispatch', 'green'],
    ['E0105', 'resident', 'any', 'dispatch', 'green'],
    ['C0101', 'hotline', 'area', 'dispatch', 'yellow'],
    ['E0503', 'hotline', 'any', 'sign', 'green'],
    ['C0402', 'open311', 'any', 'sign', 'green'],
    ['C0105', 'hotline', 'homeCommunity', 'sign', 'green'],
    ['E0401', 'open311', 'any', 'sign', 'yellow'],
    ['C0301', 'resident', 'any', 'handle', 'green'],
    ['E0602', 'open311', 'any', 'handle', 'green'],
    ['C0102', 'hotline', 'any', 'handle', 'green'],
    ['E0403', 'hotline', 'any', 'handle', 'yellow'],
  ];
  for (const [code, source, where, upTo, light] of today) {
    const s = p.order(code, source, where).register().dispatch();
    if (upTo !== 'dispatch') s.sign();
    if (upTo === 'handle') s.handle();
    p.fit(s, p.light(light));
  }
  const handled: [string, OrderSource, Where][] = [
    ['E0101', 'hotline', 'any'],
    ['C0103', 'open311', 'any'],
    ['E0201', 'resident', 'any'],
    ['E0502', 'hotline', 'homeCommunity'],
  ];
  for (const [code, source, where] of handled) {
    p.fit(p.order(code, source, where).register().dispatch().sign().handle().feedback(), p.ago(2, 40));
  }
  p.fit(
    p.order('C0302', 'hotline', 'any').register().dispatch().sign().handle().feedback().verify(),
    p.ago(1, 16),
  );
  p.fit(
    p.order('E0106', 'open311', 'area').register().dispatch().sign().handle().feedback().verify(),
    p.ago(1, 16),
  );

  return p.finish();
}
