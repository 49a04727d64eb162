import type { TimeLimit } from '../../domain/calendar/time-limit.ts';
import type {
  CategoryClass,
  CategoryFields,
  CategoryType,
  Stage,
} from '../../domain/workorder/dictionary.ts';

/** The departments the default dictionary routes to, as found by name in any organisation. */
export const DEPARTMENT_KEYWORDS = {
  greening: '绿化',
  power: '供电',
  cityManagement: '城管',
  lawEnforcement: '执法',
  water: '水务',
} as const;

/** A key of DEPARTMENT_KEYWORDS. */
export type DepartmentKey = keyof typeof DEPARTMENT_KEYWORDS;

/** One minor class of the default dictionary. */
export interface DefaultCategory
  extends CategoryClass,
    Pick<CategoryFields, 'timeLimit' | 'duplicateRadiusM'> {
  /** A department by key, or the community around the order's position. */
  handler: DepartmentKey | 'community';
  stage: Stage;
}

type Major = [type: CategoryType, code: string, name: string];
type Minor = [
  code: string,
  name: string,
  limit: `${number}${'h' | 'd'}`,
  handler: DefaultCategory['handler'],
  stage: Stage,
  radiusM: number,
];

/** Limits in working hours ('4h') or working days ('3d'), as the dictionary tables write them. */
function limitOf(text: string): TimeLimit {
  return { amount: Number.parseFloat(text), unit: text.endsWith('h') ? 'hours' : 'days' };
}

function group([type, majorCode, majorName]: Major, minors: Minor[]): DefaultCategory[] {
  return minors.map(([minorCode, minorName, limit, handler, stage, duplicateRadiusM]) => ({
    type,
    majorCode,
    majorName,
    minorCode,
    minorName,
    timeLimit: limitOf(limit),
    handler,
    stage,
    duplicateRadiusM,
  }));
}

/**
 * The default dictionary, after the major classes of GB/T 30428.2 / CJJ/T 106 (部件: 公用设施,
 * 道路交通, 市容环境, 园林绿化, 房屋土地, 其他; 事件: 市容环境, 宣传广告, 施工管理, 突发事件,
 * 街面秩序, 扩展事件) and the limits Chinese command centres commonly set: a few working hours
 * for hazards and rubbish, days for repairs and enforcement. Hazards are 事前, damage repairs
 * 事后, the rest 事中. The radius is how far apart two reports can still be the same problem:
 * a manhole cover is one spot, noise or floating rubbish spreads.
 */
export const DEFAULT_CATEGORIES: readonly DefaultCategory[] = [
  ...group(
    ['component', '01', '公用设施'],
    [
      ['01', '窨井盖破损', '4h', 'cityManagement', 'before', 20],
      ['02', '消防栓损坏', '2d', 'water', 'after', 20],
      ['03', '电力设施损坏', '1d', 'power', 'after', 30],
      ['04', '通信设施损坏', '3d', 'cityManagement', 'after', 30],
      ['05', '路灯不亮', '2d', 'cityManagement', 'during', 30],
    ],
  ),
  ...group(
    ['component', '02', '道路交通设施'],
    [
      ['01', '道路破损', '3d', 'cityManagement', 'after', 30],
      ['02', '交通护栏损坏', '2d', 'cityManagement', 'after', 30],
      ['03', '交通标志损坏', '3d', 'cityManagement', 'after', 30],
      ['04', '盲道损坏', '5d', 'cityManagement', 'after', 20],
    ],
  ),
  ...group(
    ['component', '03', '市容环境设施'],
    [
      ['01', '公共设施损坏', '3d', 'cityManagement', 'after', 30],
      ['02', '垃圾箱破损', '1d', 'cityManagement', 'after', 20],
      ['03', '公厕设施损坏', '1d', 'cityManagement', 'after', 20],
      ['04', '宣传栏损坏', '5d', 'community', 'after', 20],
    ],
  ),
  ...group(
    ['component', '04', '园林绿化设施'],
    [
      ['01', '树木倒伏/树枝搭线', '3d', 'greening', 'before', 30],
      ['02', '绿化损毁', '5d', 'greening', 'after', 30],
      ['03', '行道树缺株死亡', '5d', 'greening', 'after', 30],
      ['04', '绿地杂草枯枝', '3d', 'greening', 'during', 30],
    ],
  ),
  ...group(['component', '05', '房屋土地'], [['01', '危房隐患', '1d', 'community', 'before', 20]]),
  ...group(['component', '06', '其他设施'], [['01', '河道护栏损坏', '3d', 'water', 'after', 50]]),
  ...group(
    ['event', '01', '市容环境'],
    [
      ['01', '暴露垃圾', '4h', 'cityManagement', 'during', 30],
      ['02', '环卫死角', '1d', 'community', 'during', 30],
      ['03', '乱扔垃圾/偷倒垃圾', '1d', 'lawEnforcement', 'during', 50],
      ['04', '河道漂浮垃圾', '4h', 'water', 'during', 200],
      ['05', '积存垃圾渣土', '1d', 'cityManagement', 'during', 30],
      ['06', '道路不洁', '4h', 'cityManagement', 'during', 50],
    ],
  ),
  ...group(
    ['event', '02', '宣传广告'],
    [
      ['01', '非法小广告', '1d', 'cityManagement', 'during', 20],
      ['02', '违规户外广告', '5d', 'lawEnforcement', 'during', 20],
    ],
  ),
  ...group(
    ['event', '03', '施工管理'],
    [
      ['01', '违章搭建', '5d', 'lawEnforcement', 'during', 30],
      ['02', '施工扰民', '1d', 'lawEnforcement', 'during', 100],
      ['03', '道路遗撒', '4h', 'cityManagement', 'during', 100],
    ],
  ),
  ...group(
    ['event', '04', '突发事件'],
    [
      ['01', '路面积水', '4h', 'water', 'during', 100],
      ['02', '管道破裂冒水', '4h', 'water', 'during', 50],
      ['03', '污水冒溢', '4h', 'water', 'during', 50],
    ],
  ),
  ...group(
    ['event', '05', '街面秩序'],
    [
      ['01', '占道经营', '1d', 'cityManagement', 'during', 50],
      ['02', '非机动车乱停放', '1d', 'community', 'during', 30],
      ['03', '机动车乱停放', '1d', 'lawEnforcement', 'during', 30],
      ['04', '噪声扰民', '1d', 'lawEnforcement', 'during', 100],
      ['05', '油烟扰民', '3d', 'lawEnforcement', 'during', 50],
    ],
  ),
  ...group(
    ['event', '06', '社区治理'],
    [
      ['01', '楼道堆物', '3d', 'community', 'before', 20],
      ['02', '电瓶车飞线充电', '1d', 'community', 'before', 20],
      ['03', '高空抛物', '1d', 'community', 'during', 30],
      ['04', '违规饲养家禽', '3d', 'community', 'during', 30],
      ['05', '群租房安全隐患', '5d', 'community', 'before', 20],
    ],
  ),
];
