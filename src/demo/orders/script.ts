// A work order's story as a script of steps with realistic delays: who registers, dispatches,
// signs, handles, verifies, closes and visits, in which order, and how long each takes. The
// script only plans; order-flow.ts runs it through the state machine at the instants it gives.
import type { TimeLimit } from '../../domain/calendar/time-limit.ts';
import { workingMsPerDay } from '../../domain/calendar/time-limit.ts';
import type { NewSubTask, OrderAction } from '../../domain/workorder/actions.ts';
import { categoryCode } from '../../domain/workorder/code.ts';
import type { NewOrderInput } from '../../domain/workorder/create.ts';
import type { Satisfaction } from '../../domain/workorder/dictionary.ts';
import { levelForSource, type OrderSource } from '../../domain/workorder/dictionary.ts';
import type { Actor } from '../../domain/workorder/model.ts';
import type { OrderLevel } from '../../domain/workorder/states.ts';
import type { Category } from '../../store/categories.repository.ts';
import type { Unit } from '../../store/units.repository.ts';
import {
  between,
  type Delay,
  type DraftStep,
  dutyActor,
  HOUR_MS,
  MINUTE_MS,
  type OrderDetails,
  type OrderStart,
  type OrderWorld,
  type Placed,
  photoFor,
  pick,
  unitById,
} from './flow.ts';
import { CATEGORY_TEXTS, GENERIC_TEXT, NOTES } from './texts.ts';

/** What a script starts from: the order as reported. */
export interface ScriptSpec {
  category: Category;
  place: Placed;
  source: OrderSource;
  reporter: Actor;
  description: string;
  address: string | null;
  /** Photos attached to the report. */
  photos?: readonly string[];
}

/** The working time of a time limit, in ms. */
export function limitMs(limit: TimeLimit, perDayMs: number): number {
  return limit.amount * (limit.unit === 'hours' ? HOUR_MS : perDayMs);
}

/**
 * The steps of one order. Each method adds one step, drawing its delay from the PRNG at once
 * (so a script fitted at several report times keeps the same story), and keeps track of who
 * runs the order and which unit holds it, so each step is taken by whoever would take it.
 */
export class OrderScript {
  readonly drafts: DraftStep[] = [];
  /** The level the report lands at (community problem list or the centre's desk). */
  readonly level: OrderLevel;
  /** The unit receiving the report. */
  readonly receiving: Unit;
  /** Who runs the order now: registers, dispatches, decides extensions, closes. */
  runner: Actor;
  /** The unit holding the order now. */
  holder: Unit;
  /** The category's time limit in working ms: units pace their work to it. */
  private readonly limit: number;

  constructor(
    readonly w: OrderWorld,
    readonly random: () => number,
    readonly spec: ScriptSpec,
  ) {
    this.level = levelForSource(spec.source);
    this.receiving = this.level === 'community' ? spec.place.community : w.subdistrict;
    this.runner = this.level === 'community' ? dutyActor(w, spec.place.community) : w.operator;
    this.holder = this.receiving;
    this.limit = limitMs(spec.category.timeLimit, workingMsPerDay(w.calendar));
  }

  /** The report as reportOrder takes it, for an order with this id at this instant. */
  start(id: string, at: number): OrderStart {
    const input: NewOrderInput = {
      id,
      level: this.level,
      responsibleUnitId: this.receiving.id,
      timeLimit: this.spec.category.timeLimit,
      note: this.spec.description,
      photos: this.spec.photos ?? [],
    };
    return { input, reporter: this.spec.reporter, at };
  }

  /** What the service records around the flow state. */
  details(id: string): OrderDetails {
    const { category, source, description, address, place } = this.spec;
    return { id, category, source, description, address, place };
  }

  /** Clock time of min..max minutes (the command centre is on duty day and night). */
  clock(minMinutes: number, maxMinutes: number): Delay {
    return { ms: between(minMinutes, maxMinutes, this.random) * MINUTE_MS, work: false };
  }

  /** Working time of min..max minutes (units that keep office hours). */
  work(minMinutes: number, maxMinutes: number): Delay {
    return { ms: between(minMinutes, maxMinutes, this.random) * MINUTE_MS, work: true };
  }

  /** Working time of a share of the time limit, kept within floor..cap minutes. */
  private part(minShare: number, maxShare: number, floorMinutes: number, capMinutes: number): Delay {
    const ms = between(minShare, maxShare, this.random) * this.limit;
    return { ms: Math.min(Math.max(ms, floorMinutes * MINUTE_MS), capMinutes * MINUTE_MS), work: true };
  }

  /** The unit's actor: its demo user, or its duty account. */
  actorOf(unit: Unit): Actor {
    return dutyActor(this.w, unit);
  }

  private isCentre(actor: Actor): boolean {
    return actor.role === 'operator' || actor.role === 'admin';
  }

  private runnerDelay(minMinutes: number, maxMinutes: number): Delay {
    return this.isCentre(this.runner)
      ? this.clock(minMinutes, maxMinutes)
      : this.work(minMinutes * 2, maxMinutes * 4);
  }

  private step(actor: Actor, action: OrderAction, delay: Delay): this {
    this.drafts.push({ actor, action, delay });
    return this;
  }

  private text() {
    const c = this.spec.category;
    return CATEGORY_TEXTS[categoryCode(c.type, c.majorCode, c.minorCode)] ?? GENERIC_TEXT;
  }

  private afterPhoto(): string[] {
    return photoFor(this.w, 'after', this.text().where === 'river');
  }

  /** The unit the category names for the order's position: a department, or the order's community. */
  defaultHandler(): Unit {
    const c = this.spec.category;
    if (c.defaultUnitKind === 'department' && c.defaultUnitId) return unitById(this.w, c.defaultUnitId);
    if (c.defaultUnitKind === 'grid') return this.spec.place.grid;
    return this.spec.place.community;
  }

  /** 立案, by whoever holds the report. */
  register(): this {
    this.step(this.runner, { type: 'register' }, this.runnerDelay(4, 25));
    if (this.isCentre(this.runner)) this.holder = this.w.subdistrict;
    return this;
  }

  /** 派遣 to a unit (the category's default when none is named), with sub-tasks for other units. */
  dispatch(unit: Unit = this.defaultHandler(), subTasks: NewSubTask[] = []): this {
    this.step(
      this.runner,
      { type: 'dispatch', unitId: unit.id, ...(subTasks.length > 0 && { subTasks }) },
      this.runnerDelay(3, 20),
    );
    this.holder = unit;
    return this;
  }

  /** 签收, by the unit holding it. */
  sign(): this {
    return this.step(this.actorOf(this.holder), { type: 'sign' }, this.part(0.02, 0.12, 5, 120));
  }

  /** 开始处置. */
  handle(): this {
    return this.step(this.actorOf(this.holder), { type: 'startHandling' }, this.part(0.01, 0.05, 3, 60));
  }

  /** 反馈 with an after-photo, `share` of the time limit's working time after the step before. */
  feedback(share = between(0.15, 0.55, this.random)): this {
    const ms = this.limit * share;
    return this.step(
      this.actorOf(this.holder),
      { type: 'feedback', photos: this.afterPhoto(), note: pick(this.text().done, this.random) },
      { ms, work: true },
    );
  }

  /** Who checks on site: the grid worker of the order's grid, or the runner when the grid itself did the work. */
  private verifier(): Actor {
    const grid = this.spec.place.grid;
    return this.holder.id === grid.id ? this.runner : this.actorOf(grid);
  }

  /** 核查: passed, or failed with what is still wrong (返工). */
  verify(passed = true, note = this.text().rework ?? NOTES.reworkFailed): this {
    const action: OrderAction = passed
      ? { type: 'verify', passed: true }
      : { type: 'verify', passed: false, note };
    return this.step(this.verifier(), action, this.part(0.04, 0.15, 15, 240));
  }

  /** 结案, by whoever runs it. */
  close(): this {
    return this.step(this.runner, { type: 'close' }, this.runnerDelay(10, 60));
  }

  /** 回访 by the centre, or by the resident who reported it. */
  visit(satisfaction: Satisfaction, solved = satisfaction !== 'dissatisfied', byReporter = false): this {
    const actor = byReporter ? this.spec.reporter : this.w.operator;
    return this.step(actor, { type: 'returnVisit', satisfaction, solved }, this.work(60, 900));
  }

  /** register → dispatch → sign → handle → feedback → verify → close (→ visit). */
  mainLine(options: { unit?: Unit; visit?: Satisfaction; share?: number } = {}): this {
    this.register().dispatch(options.unit).sign().handle().feedback(options.share).verify().close();
    return options.visit ? this.visit(options.visit) : this;
  }

  /** After a return or a reopen: dispatch again and carry on to the closure. */
  mainLineFrom(unit: Unit = this.defaultHandler()): this {
    return this.dispatch(unit).sign().handle().feedback().verify().close();
  }

  /** 上报上级: community → its linkage workstation, workstation → the subdistrict centre. */
  escalate(): this {
    const from = this.holder;
    const note =
      from.kind === 'community'
        ? pick(NOTES.escalateCommunity, this.random)
        : pick(NOTES.escalateWorkstation, this.random);
    let to: Unit;
    if (from.kind === 'community') {
      const workstation = this.w.units.find((u) => u.kind === 'workstation' && u.parentId === from.parentId);
      to = workstation ?? this.w.subdistrict;
    } else {
      to = this.w.subdistrict;
    }
    const toLevel: OrderLevel = to.kind === 'workstation' ? 'workstation' : 'subdistrict';
    this.step(this.actorOf(from), { type: 'escalate', toUnitId: to.id, toLevel, note }, this.work(30, 300));
    this.holder = to;
    this.runner = toLevel === 'subdistrict' ? this.w.operator : this.actorOf(to);
    return this;
  }

  /** 自处理: the reporting grid worker fixes it on the spot. */
  selfHandle(): this {
    return this.step(
      this.spec.reporter,
      { type: 'selfHandle', photos: this.afterPhoto(), note: pick(this.text().done, this.random) },
      this.clock(10, 40),
    );
  }

  /** 退单: the unit holding it sends it back to the dispatcher. */
  giveBack(): this {
    this.step(
      this.actorOf(this.holder),
      { type: 'return', reason: pick(NOTES.returnWrongUnit, this.random) },
      this.work(15, 120),
    );
    this.holder = this.runner.unitId ? unitById(this.w, this.runner.unitId) : this.w.subdistrict;
    return this;
  }

  /** 申请延期 by the unit holding it, with its reason. */
  requestExtension(extension: TimeLimit, reason: string): this {
    return this.step(
      this.actorOf(this.holder),
      { type: 'requestExtension', extension, reason },
      this.work(30, 240),
    );
  }

  /** 批准延期. */
  approveExtension(): this {
    return this.step(this.runner, { type: 'approveExtension' }, this.runnerDelay(20, 120));
  }

  /** 驳回延期. */
  denyExtension(): this {
    return this.step(
      this.runner,
      { type: 'denyExtension', reason: pick(NOTES.denyExtension, this.random) },
      this.runnerDelay(20, 120),
    );
  }

  /** 督办 by the leader or the operator, with what they ask for. */
  supervise(by: 'leader' | 'operator' = 'leader'): this {
    const actor = by === 'leader' ? this.w.leader : this.w.operator;
    const note = pick(by === 'leader' ? NOTES.leaderSupervise : NOTES.operatorSupervise, this.random);
    return this.step(actor, { type: 'supervise', note }, this.clock(30, 240));
  }

  /** 挂账 by the leader, with the reason it cannot be solved within a time limit. */
  park(reason: string): this {
    return this.step(this.w.leader, { type: 'park', reason }, this.clock(60, 600));
  }

  /** 恢复 from the long-term list. */
  resume(): this {
    return this.step(this.w.leader, { type: 'resume' }, this.clock(24 * 60, 4 * 24 * 60));
  }

  /** 不予立案. */
  reject(): this {
    return this.step(
      this.runner,
      { type: 'reject', reason: pick(NOTES.reject, this.random) },
      this.runnerDelay(5, 40),
    );
  }

  /** 作废. */
  voidIt(): this {
    const reasons = this.isCentre(this.runner) ? NOTES.void : NOTES.voidCommunity;
    return this.step(
      this.runner,
      { type: 'void', reason: pick(reasons, this.random) },
      this.runnerDelay(5, 40),
    );
  }

  /** 合并 into the order it duplicates. */
  mergeInto(intoOrderId: string): this {
    return this.step(
      this.w.operator,
      { type: 'merge', intoOrderId, note: '与已有工单为同一问题，合并处理' },
      this.clock(10, 60),
    );
  }

  /** 重办 after a closure, by the centre or the reporter. */
  reopen(byReporter = false): this {
    const actor = byReporter ? this.spec.reporter : this.w.operator;
    this.step(actor, { type: 'reopen', reason: pick(NOTES.reopen, this.random) }, this.work(30, 240));
    this.holder = this.runner.unitId ? unitById(this.w, this.runner.unitId) : this.w.subdistrict;
    return this;
  }

  /** 协办签收 by a sub-task's unit. */
  signSubTask(subTaskId: string, unit: Unit): this {
    return this.step(this.actorOf(unit), { type: 'signSubTask', subTaskId }, this.work(10, 120));
  }

  /** 协办反馈 by a sub-task's unit. */
  feedbackSubTask(subTaskId: string, unit: Unit): this {
    return this.step(this.actorOf(unit), { type: 'feedbackSubTask', subTaskId }, this.work(60, 600));
  }
}
