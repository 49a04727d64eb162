// The demo's key tasks (重点工作清单): eight tasks of the subdistrict set by the leader, owned by
// the demo accounts' units (the centre, 第一联动工作站, the first community, 园林绿化所, the
// river-cleaning company), with milestones, the owners' progress notes on past push days
// (Saturdays) and a supervision letter (督办). The table counts days from today in Beijing time,
// so every demo shows the same list relative to its day: open, done and overdue tasks, two red.
import { dayStartMs, localDayIndex, weekdayOf } from '../domain/calendar/local-day.ts';
import { principalOf } from '../services/auth/index.ts';
import type { Principal, ServiceContext } from '../services/context.ts';
import { addTaskNote, createTask, patchTask, superviseTask } from '../services/tasks/index.ts';
import { writeTransaction } from '../store/read-cache.ts';
import { listTasks } from '../store/tasks.repository.ts';
import { findUserByUsername } from '../store/users.repository.ts';

/** Beijing time, UTC+8 all year: the tasks domain counts its weeks in it too. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const HOUR_MS = 3_600_000;
/** Saturday in `weekdayOf`'s numbering (0 = Sunday): the default push day (推进日). */
const SATURDAY = 6;

/** A demo account that owns tasks; the task's owner unit is the account's unit. */
type Owner = 'leader' | 'operator' | 'workstation' | 'community' | 'department' | 'contractor';

/** A progress note written on a past push day: 1 is the last Saturday before today, 2 the one before… */
interface DemoNote {
  saturdaysAgo: number;
  percent: number;
  text: string;
}

/** A key task of the demo; days count from today (0), negative in the past. */
export interface DemoTask {
  title: string;
  owner: Owner;
  createdDay: number;
  deadlineDay: number;
  milestones: readonly { title: string; dueDay: number; doneDay: number | null }[];
  notes: readonly DemoNote[];
  /** Marked done on that push day, after its last note. */
  doneSaturdaysAgo?: number;
  /** The leader's supervision letter (督办), sent on that day at 10:00 while the task is red. */
  supervision?: { day: number; text: string };
}

/**
 * The demo's key tasks. 河道综合整治 is red with a milestone late and supervised; 垃圾分类示范小区创建
 * is overdue (red, not yet supervised: the leader's to do); two are done; 老旧小区改造 has had no
 * note since the Saturday before last, so the push day's reminder has someone to remind.
 */
export const DEMO_TASKS: readonly DemoTask[] = [
  {
    title: '老旧小区改造',
    owner: 'community',
    createdDay: -70,
    deadlineDay: 120,
    milestones: [
      { title: '居民改造意愿征询', dueDay: -49, doneDay: -52 },
      { title: '设计方案公示', dueDay: -21, doneDay: -23 },
      { title: '雨污分流管网施工完成', dueDay: 35, doneDay: null },
      { title: '竣工验收', dueDay: 115, doneDay: null },
    ],
    notes: [
      { saturdaysAgo: 5, percent: 12, text: '完成三栋楼入户意愿征询，同意率92%' },
      { saturdaysAgo: 4, percent: 18, text: '设计单位现场踏勘，形成初步方案' },
      { saturdaysAgo: 3, percent: 25, text: '设计方案公示结束，无异议' },
      { saturdaysAgo: 2, percent: 30, text: '施工单位进场，围挡搭设完成' },
    ],
  },
  {
    title: '河道综合整治',
    owner: 'contractor',
    createdDay: -63,
    deadlineDay: 75,
    milestones: [
      { title: '主河道清淤', dueDay: -28, doneDay: -30 },
      { title: '驳岸修复', dueDay: -6, doneDay: null },
      { title: '沿河排口整治', dueDay: 40, doneDay: null },
    ],
    notes: [
      { saturdaysAgo: 4, percent: 20, text: '主河道清淤过半，清出淤泥约1200立方米' },
      { saturdaysAgo: 3, percent: 32, text: '清淤完成，开始驳岸破损点排查' },
      { saturdaysAgo: 2, percent: 38, text: '驳岸破损点18处，已修复7处，石料供应偏慢' },
      { saturdaysAgo: 1, percent: 45, text: '已修复11处，增加一个施工班组' },
    ],
    supervision: { day: -4, text: '驳岸修复节点已逾期，请于本周内报送整改计划并加派力量' },
  },
  {
    title: '垃圾分类示范小区创建',
    owner: 'workstation',
    createdDay: -84,
    deadlineDay: -10,
    milestones: [
      { title: '分类桶站改造', dueDay: -56, doneDay: -58 },
      { title: '督导员全员上岗', dueDay: -35, doneDay: -36 },
      { title: '示范小区验收', dueDay: -10, doneDay: null },
    ],
    notes: [
      { saturdaysAgo: 4, percent: 62, text: '桶站改造完成，督导员上岗' },
      { saturdaysAgo: 3, percent: 70, text: '准确率抽查87%，未达验收标准' },
      { saturdaysAgo: 2, percent: 78, text: '开展入户宣传两轮，准确率升至91%' },
      { saturdaysAgo: 1, percent: 85, text: '已申请复验，待区分类办安排' },
    ],
  },
  {
    title: '背街小巷环境提升',
    owner: 'department',
    createdDay: -56,
    deadlineDay: -3,
    milestones: [
      { title: '补植行道树和绿篱', dueDay: -28, doneDay: -29 },
      { title: '口袋公园建成', dueDay: -10, doneDay: -14 },
    ],
    notes: [
      { saturdaysAgo: 4, percent: 50, text: '六条背街小巷补植完成' },
      { saturdaysAgo: 3, percent: 80, text: '口袋公园铺装完成，进入苗木种植' },
      { saturdaysAgo: 2, percent: 100, text: '口袋公园建成开放，全部完成' },
    ],
    doneSaturdaysAgo: 2,
  },
  {
    title: '安全生产大排查',
    owner: 'leader',
    createdDay: -49,
    deadlineDay: -12,
    milestones: [
      { title: '企业和九小场所全覆盖排查', dueDay: -35, doneDay: -37 },
      { title: '隐患整改销号', dueDay: -20, doneDay: -22 },
    ],
    notes: [
      { saturdaysAgo: 5, percent: 40, text: '排查企业126家、九小场所310处，发现隐患58处' },
      { saturdaysAgo: 4, percent: 75, text: '隐患已整改49处，其余限期整改' },
      { saturdaysAgo: 3, percent: 100, text: '58处隐患全部整改销号' },
    ],
    doneSaturdaysAgo: 3,
  },
  {
    title: '招商引资项目落地',
    owner: 'leader',
    createdDay: -77,
    deadlineDay: 150,
    milestones: [
      { title: '智能制造产业园项目签约', dueDay: -42, doneDay: -45 },
      { title: '项目公司注册', dueDay: 20, doneDay: null },
      { title: '开工建设', dueDay: 140, doneDay: null },
    ],
    notes: [
      { saturdaysAgo: 3, percent: 30, text: '产业园项目完成签约，协议投资5亿元' },
      { saturdaysAgo: 1, percent: 40, text: '项目公司注册材料已报区行政审批局' },
    ],
  },
  {
    title: '防汛物资储备',
    owner: 'operator',
    createdDay: -35,
    deadlineDay: 40,
    milestones: [
      { title: '物资清点和缺口核定', dueDay: -14, doneDay: -16 },
      { title: '补充采购到库', dueDay: 25, doneDay: null },
    ],
    notes: [
      { saturdaysAgo: 2, percent: 30, text: '清点完成：编织袋缺口2000条、救生衣缺口60件' },
      { saturdaysAgo: 1, percent: 55, text: '采购合同已签，首批物资到库' },
    ],
  },
  {
    title: '文明城市创建迎检',
    owner: 'workstation',
    createdDay: -42,
    deadlineDay: 60,
    milestones: [
      { title: '点位自查', dueDay: -7, doneDay: -9 },
      { title: '问题点位整改', dueDay: 30, doneDay: null },
      { title: '迎检演练', dueDay: 55, doneDay: null },
    ],
    notes: [
      { saturdaysAgo: 3, percent: 15, text: '梳理测评点位42个' },
      { saturdaysAgo: 2, percent: 35, text: '自查发现问题点位17个，建立整改台账' },
      { saturdaysAgo: 1, percent: 50, text: '已整改9个点位' },
    ],
  },
];

/** A demo task as instants: what the services are called with, and when. */
export interface PlannedTask {
  source: DemoTask;
  createdAt: number;
  deadline: number;
  milestones: { title: string; dueAt: number; doneAt: number | null }[];
  notes: { at: number; percent: number; text: string }[];
  doneAt: number | null;
  supervision: { at: number; text: string } | null;
}

/**
 * The demo tasks at `now`: days counted from today in Beijing time; created at 09:00, due and
 * milestones due at 18:00 of their day, done milestones at 17:00; notes on the push days before
 * today from 16:00 (before the 18:00 reminder), a few minutes apart, and done at 17:00 that day.
 */
export function planDemoTasks(now: number, tasks: readonly DemoTask[] = DEMO_TASKS): PlannedTask[] {
  const today = localDayIndex(BEIJING_OFFSET_MS, now);
  const at = (day: number, hour: number) => dayStartMs(BEIJING_OFFSET_MS, today + day) + hour * HOUR_MS;
  // The last Saturday strictly before today: on a Saturday, the one a week ago.
  const lastSaturday = today - ((weekdayOf(today) - SATURDAY + 7) % 7 || 7);
  const saturday = (ago: number, hour: number) =>
    dayStartMs(BEIJING_OFFSET_MS, lastSaturday - 7 * (ago - 1)) + hour * HOUR_MS;
  return tasks.map((t, i) => ({
    source: t,
    createdAt: at(t.createdDay, 9),
    deadline: at(t.deadlineDay, 18),
    milestones: t.milestones.map((m) => ({
      title: m.title,
      dueAt: at(m.dueDay, 18),
      doneAt: m.doneDay === null ? null : at(m.doneDay, 17),
    })),
    notes: t.notes.map((n) => ({
      at: saturday(n.saturdaysAgo, 16) + i * 7 * 60_000,
      percent: n.percent,
      text: n.text,
    })),
    doneAt: t.doneSaturdaysAgo === undefined ? null : saturday(t.doneSaturdaysAgo, 17),
    supervision: t.supervision ? { at: at(t.supervision.day, 10), text: t.supervision.text } : null,
  }));
}

/**
 * Seeds the demo's key tasks through the tasks service, each call at the instant it would have
 * been made (the leader sets the tasks and sends the letter, owners write their notes), in one
 * transaction. A database that is not the demo world, or already has tasks, is left alone;
 * returns the counts seeded, or undefined.
 */
export async function seedDemoTasks(
  ctx: ServiceContext,
): Promise<{ tasks: number; notes: number; supervisions: number } | undefined> {
  const people = new Map<Owner, Principal>();
  for (const owner of [
    'leader',
    'operator',
    'workstation',
    'community',
    'department',
    'contractor',
  ] as const) {
    const user = await findUserByUsername(ctx.db, owner);
    if (!user?.active) return undefined;
    people.set(owner, await principalOf(ctx, user));
  }
  const leader = people.get('leader');
  if (!leader) return undefined;
  if ((await listTasks(ctx.db, { scopePath: null })).length > 0) return undefined;
  const plan = planDemoTasks(ctx.now());
  const counts = { tasks: 0, notes: 0, supervisions: 0 };
  await writeTransaction(ctx.db, [], async (trx) => {
    const when = (t: number): ServiceContext => ({ db: trx, now: () => t });
    const iso = (t: number) => new Date(t).toISOString();
    for (const p of plan) {
      const owner = people.get(p.source.owner) ?? leader;
      const task = await createTask(when(p.createdAt), leader, {
        title: p.source.title,
        ownerUnitId: owner.unitId,
        ownerUserId: owner.userId,
        deadline: iso(p.deadline),
        milestones: p.milestones.map((m) => ({
          title: m.title,
          dueAt: iso(m.dueAt),
          doneAt: m.doneAt === null ? null : iso(m.doneAt),
        })),
      });
      counts.tasks++;
      for (const n of p.notes) {
        await addTaskNote(when(n.at), owner, task.id, { text: n.text, percent: n.percent });
        counts.notes++;
      }
      if (p.supervision) {
        await superviseTask(when(p.supervision.at), leader, task.id, p.supervision.text);
        counts.supervisions++;
      }
      if (p.doneAt !== null) await patchTask(when(p.doneAt), leader, task.id, { done: true });
    }
  });
  return counts;
}
