// What the demo's work orders say: problems and results per category of the default
// dictionary (keyed by category code, C/E + major + minor), addresses in the demo's
// communities, and the reasons people give for returning, extending, parking... Plausible
// rather than real, like the rest of the demo world.
import type { OrderSource } from '../../domain/workorder/dictionary.ts';
import { COMMUNITY_NAMES } from '../names.ts';

/** Where a problem of a category is usually found, for its address. */
export type AddressKind = 'street' | 'estate' | 'gate' | 'junction' | 'green' | 'river';

/** The words of one category: what is seen (one variant per order), where, and what the handler reports back. */
export interface CategoryText {
  problems: readonly string[];
  where: AddressKind;
  done: readonly string[];
  /** What a failed check (返工) finds still wrong, where it differs from the usual. */
  rework?: string;
}

/** Problems and results by category code; a category missing here falls back to GENERIC_TEXT. */
export const CATEGORY_TEXTS: Readonly<Record<string, CategoryText>> = {
  C0101: {
    problems: [
      '人行道上一处窨井盖破损下陷，边缘翘起，行人经过容易绊倒',
      '雨水井盖缺失，井口仅用几块木板遮挡，夜间存在坠落危险',
      '机动车道上的窨井盖松动，车辆压过时响声很大，井盖已有裂纹',
    ],
    where: 'street',
    done: ['已更换为防坠落球墨铸铁井盖并加装防坠网', '已更换破损井盖，周边路面修补平整'],
    rework: '现场核查井盖仍有松动，需重新加固',
  },
  C0102: {
    problems: ['路边消防栓被撞歪，底部漏水', '消防栓箱门损坏，栓口缺失'],
    where: 'street',
    done: ['已更换消防栓并试水正常'],
  },
  C0103: {
    problems: ['配电箱箱门被撬开，内部线路裸露', '电线杆拉线松脱，电线杆略有倾斜'],
    where: 'street',
    done: ['已修复配电箱并加锁，线路恢复正常'],
  },
  C0105: {
    problems: ['这段路连续几个晚上路灯不亮，夜间行人和电动车通行不便', '小区门口3盏路灯不亮，晚上一片漆黑'],
    where: 'street',
    done: ['经检修为线路老化，已更换电缆和灯具，路灯恢复照明'],
  },
  C0201: {
    problems: ['路面坑洼破损约2平方米，雨后积水，电动车经过容易摔倒', '人行道地砖松动翘起十余块，踩上去溅水'],
    where: 'street',
    done: ['已对破损路面进行修补，现场恢复平整'],
  },
  C0301: {
    problems: [
      '小游园内健身器材转轴断裂，老人使用时存在安全隐患',
      '公交站候车亭座椅损坏，玻璃挡板开裂',
      '河边休闲长椅木条断裂，有铁钉外露',
    ],
    where: 'green',
    done: ['已拆除损坏部件并更换新器材，检查后恢复使用'],
  },
  C0302: {
    problems: ['分类垃圾桶桶盖破损、桶身开裂，垃圾外溢，气味较大'],
    where: 'estate',
    done: ['已更换新的分类垃圾桶，并清理周边卫生'],
  },
  C0401: {
    problems: [
      '行道树树枝过长，搭在架空电线上，刮风时有火花，存在触电和火灾隐患',
      '香樟树枝伸进居民窗户并压住低压线，居民担心安全',
    ],
    where: 'street',
    done: ['已会同供电所停电后修剪搭线树枝，清运断枝，线路恢复供电'],
  },
  C0402: {
    problems: ['绿化带内灌木被车辆碾压损毁约10米', '绿地被人开垦种菜，草坪损毁'],
    where: 'green',
    done: ['已补种灌木，恢复绿化'],
  },
  C0404: {
    problems: ['绿化带内枯枝落叶堆积，杂草丛生，影响环境'],
    where: 'green',
    done: ['已清除杂草枯枝并外运'],
  },
  C0601: {
    problems: ['河边护栏松动断裂约3米，临水一侧没有遮挡，孩子经过有落水危险'],
    where: 'river',
    done: ['已设置临时围挡，并更换断裂护栏'],
  },
  E0101: {
    problems: [
      '路边堆放多袋生活垃圾和装修垃圾，无人清运，散发异味',
      '小区围墙外堆积垃圾，招引蚊蝇',
      '垃圾投放点满溢，垃圾散落一地',
    ],
    where: 'street',
    done: ['已安排保洁人员清运暴露垃圾并冲洗地面', '垃圾已清运完毕，现场已清扫干净'],
    rework: '现场核查仍有部分垃圾未清运，要求返工',
  },
  E0102: {
    problems: ['楼后夹弄长期无人打扫，积存垃圾和污水', '小区自行车棚角落积存大量垃圾'],
    where: 'estate',
    done: ['社区已组织物业清理卫生死角，并纳入日常保洁范围'],
    rework: '现场核查夹弄内仍有积存垃圾和污水，要求返工',
  },
  E0103: {
    problems: ['夜间有人在河边绿地偷倒建筑垃圾，已堆成小山', '有人将装修垃圾倾倒在小区外空地上'],
    where: 'green',
    done: ['已清运建筑垃圾，调取监控对偷倒行为立案查处'],
  },
  E0104: {
    problems: [
      '河面漂浮大量塑料瓶、泡沫和水草，随水流聚集在桥洞下',
      '河道转弯处漂浮物聚集，有死鱼和生活垃圾，气味难闻',
      '下雨后河面出现大片漂浮垃圾，影响河道景观',
    ],
    where: 'river',
    done: ['保洁船已打捞河面漂浮物约0.3吨，运至卸载点处理', '已打捞完毕，河面恢复清洁'],
  },
  E0105: {
    problems: ['空地上积存渣土和碎砖，扬尘较大'],
    where: 'street',
    done: ['已清运渣土并覆盖防尘网'],
  },
  E0106: {
    problems: ['路面有大片油污和泥浆，行人容易滑倒', '菜场门口路面污水横流，垃圾遍地'],
    where: 'street',
    done: ['已冲洗路面，清除油污'],
  },
  E0201: {
    problems: ['楼道墙面和电线杆上贴满办证、开锁小广告', '小区宣传栏被乱贴小广告'],
    where: 'estate',
    done: ['已铲除小广告并粉刷墙面'],
  },
  E0301: {
    problems: ['一楼住户在公共绿地上搭建彩钢板棚约15平方米', '顶楼住户在屋顶加盖砖混结构房屋'],
    where: 'estate',
    done: ['已责令当事人自行拆除违建，恢复原状'],
  },
  E0302: {
    problems: ['附近工地晚上10点后还在施工，噪音很大，影响休息'],
    where: 'street',
    done: ['已现场责令夜间停止施工，并告知施工单位夜间施工须办理许可'],
  },
  E0303: {
    problems: ['渣土车沿路遗撒泥土，路面一片狼藉'],
    where: 'junction',
    done: ['已清扫遗撒路面，对运输单位进行教育处罚'],
  },
  E0401: {
    problems: ['暴雨后路口积水约20厘米，车辆通行困难', '雨后人行道积水，行人无法通行'],
    where: 'junction',
    done: ['已疏通雨水口，积水已排除'],
  },
  E0402: {
    problems: ['路边自来水管破裂，水往外冒，路面结成一片'],
    where: 'street',
    done: ['已关阀抢修，更换破损管段，恢复供水'],
  },
  E0403: {
    problems: ['窨井污水外溢，路面污水横流，臭味明显'],
    where: 'estate',
    done: ['已疏通堵塞管道，清理路面污水并消毒'],
  },
  E0501: {
    problems: ['早市摊贩占用人行道摆摊，行人只能走机动车道', '水果店把货架摆到店外，占用人行道'],
    where: 'street',
    done: ['已劝离占道摊贩，对店主进行教育并督促店外物品归位'],
  },
  E0502: {
    problems: ['小区门口共享单车和电动车乱停乱放，堵住了消防通道', '地铁站出口非机动车停放杂乱，占用盲道'],
    where: 'gate',
    done: ['已组织志愿者整理归位，并协调共享单车企业调度清运'],
  },
  E0503: {
    problems: ['机动车长期停在人行道上，占用盲道'],
    where: 'street',
    done: ['已对违停车辆贴单告知，车辆已驶离'],
  },
  E0504: {
    problems: ['广场舞音响声音过大，晚上9点后仍未停止'],
    where: 'green',
    done: ['已上门沟通，约定音量和活动结束时间'],
  },
  E0505: {
    problems: ['沿街饭店油烟直排，楼上住户无法开窗'],
    where: 'street',
    done: ['已责令店家清洗并整改油烟净化设施'],
  },
  E0601: {
    problems: ['楼道内堆放纸板、旧家具等杂物，堵塞安全疏散通道', '楼梯间堆放大量废品，存在火灾隐患'],
    where: 'estate',
    done: ['社区已联合物业上门劝导，楼道杂物已清理完毕'],
    rework: '现场核查楼道内仍有杂物堆放，整改不到位',
  },
  E0602: {
    problems: [
      '有居民从3楼窗口拉电线下来给电动车充电，电线横跨人行通道',
      '楼道内停放电动车充电，插线板拖在地上',
    ],
    where: 'estate',
    done: ['已劝导居民拆除飞线，引导到小区集中充电桩充电'],
  },
  E0603: {
    problems: ['楼上有人往下扔垃圾袋，差点砸到行人'],
    where: 'estate',
    done: ['社区已入户宣传，并协调物业加装监控探头'],
  },
};

/** The words of a category the table does not name. */
export const GENERIC_TEXT: CategoryText = {
  problems: ['现场发现问题，影响居民生活'],
  where: 'street',
  done: ['已处置完毕'],
};

/** Streets of the demo subdistrict (姑苏 old-town names). */
const STREETS = [
  '东北街',
  '白塔东路',
  '娄门路',
  '东环路',
  '相门路',
  '干将东路',
  '仓街',
  '百家巷',
  '迎春路',
  '东港路',
  '菱塘路',
  '金塘路',
  '莲花路',
  '葑门路',
  '新塘路',
  '莫邪路',
  '临顿路',
  '北园路',
  '钮家巷',
  '平江路',
  '苏安路',
  '桃坞路',
  '齐门路',
  '中张家巷',
] as const;

/** One residential estate (小区) per community, in community order. */
const ESTATES = [
  '娄门新村',
  '东环新村',
  '城东花园',
  '相门小区',
  '耦园新苑',
  '百家巷小区',
  '迎春新村',
  '东港新村',
  '菱塘新村',
  '金塘苑',
  '莲花新村',
  '葑门小区',
  '新塘花园',
  '莫邪苑',
  '干将新苑',
  '临顿新村',
  '北园新村',
  '钮家巷小区',
  '平江新城',
  '苏安新村',
  '桃坞雅苑',
] as const;

const GREENS = ['街心小游园', '沿河绿地', '口袋公园', '社区健身广场'] as const;
const BRIDGES = ['东园桥', '娄门桥', '相门桥', '葑门桥', '北园桥', '望星桥'] as const;

function pickFrom<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** The demo community's number (0-based) from its name, for its estate and streets. */
function communityIndex(communityName: string): number {
  const i = COMMUNITY_NAMES.indexOf(communityName as (typeof COMMUNITY_NAMES)[number]);
  return Math.max(i, 0);
}

/** A plausible address in the community for a problem of this kind; `river` names the river when there is one. */
export function addressFor(
  kind: AddressKind,
  communityName: string,
  random: () => number,
  river?: string,
): string {
  const i = communityIndex(communityName);
  const street = STREETS[(i * 3 + Math.floor(random() * 3)) % STREETS.length] ?? '东北街';
  const cross = STREETS[(i * 3 + 5 + Math.floor(random() * 4)) % STREETS.length] ?? '娄门路';
  const estate = ESTATES[i] ?? '娄门新村';
  const number = 1 + Math.floor(random() * 260);
  switch (kind) {
    case 'street':
      return `${street}${number}号附近`;
    case 'estate':
      return `${estate}${1 + Math.floor(random() * 36)}幢${1 + Math.floor(random() * 4)}单元`;
    case 'gate':
      return `${estate}${pickFrom(['南门', '北门', '东门', '西门'], random)}`;
    case 'junction':
      return `${street}与${cross === street ? '娄门路' : cross}交叉口`;
    case 'green':
      return `${street}${pickFrom(GREENS, random)}`;
    case 'river':
      return `${river ?? '娄江'}${pickFrom(BRIDGES, random)}附近`;
  }
}

/** The report as its source writes it: callers, apps and staff phrase the same problem differently. */
export function reportText(source: OrderSource, problem: string, byCrew = false): string {
  switch (source) {
    case 'hotline':
      return `市民来电反映：${problem}，请尽快处理。`;
    case 'resident':
      return `${problem}，希望尽快处理。`;
    case 'open311':
      return `【随手拍】${problem}。`;
    case 'gridWorker':
      return `网格巡查发现：${problem}。`;
    case 'community':
      return `社区排查发现：${problem}。`;
    case 'patrol':
      return `${byCrew ? '巡河' : '巡查'}发现：${problem}。`;
    case 'alert':
      return `系统告警：${problem}。`;
  }
}

/** Reasons and notes people write on the other actions. */
export const NOTES = {
  returnWrongUnit: [
    '经现场核实，该问题不属于本单位职责范围，请重新派遣',
    '该处绿化由园林绿化所管养，非本单位管辖，申请退单',
  ],
  reject: [
    '属小区内部物业服务纠纷，不属于街道受理范围，已告知来电人联系物业',
    '诉求描述不清、无法定位，多次回拨未接通，不予立案',
  ],
  void: ['与前一工单重复录入，作废', '来电人来电撤回诉求'],
  voidCommunity: ['网格员误报，现场核实无此问题'],
  extension: {
    power: '需协调供电所安排停电窗口配合修剪，申请延期2个工作日',
    permit: '涉及地下管网开挖，需办理占道施工许可，申请延期',
    parts: '灯具需定制，预计3个工作日到货，申请延期',
    repair: '抢修需等待管材到场，申请延期4小时',
    cover: '同规格防坠井盖缺货，申请延期4小时',
    demolition: '当事人申请自行拆除，给予3个工作日整改期，申请延期',
    road: '需待天晴后摊铺沥青修补，申请延期2个工作日',
  },
  denyExtension: ['该问题影响群众出行安全，须按原时限完成处置'],
  leaderSupervise: ['请责任单位加快处置，今日内处置到位并反馈', '群众反映强烈，请加快处置，按期办结'],
  operatorSupervise: ['群众多次来电催办，请加快处置'],
  park: {
    enforcement: '当事人已进入行政执法程序，需待执法决定后拆除，列入长期挂账',
    budget: '需纳入年度河道护栏改造计划，资金待落实，列入长期挂账',
    pipes: '需结合雨污管网改造工程一并解决，暂列挂账',
  },
  reopen: ['回访时居民反映问题仍未解决，申请重办'],
  reworkFailed: '现场核查问题仍未解决，要求返工',
  escalateCommunity: ['社区无执法权限，需联动工作站协调职能部门处置'],
  escalateWorkstation: ['涉及多个部门，需街道指挥中心统筹协调'],
  subTaskPower: '安排计划停电，配合修剪作业',
  subTaskCommunity: '提前张贴停电通知，告知周边居民',
} as const;
