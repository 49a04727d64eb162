import type { Category } from '../../api/categories.ts';

/**
 * Description templates (描述模板) by category code (C0101…, E0101…): what the one who fixes it
 * needs to know. A category not listed gets the generic one.
 */
export const DESCRIPTION_TEMPLATES: Readonly<Record<string, string>> = {
  C0101: '井盖（破损/缺失/移位），位于（人行道/车行道），是否有人受伤：',
  C0105: '路灯（不亮/闪烁/灯杆倾斜），共（ ）盏，灯杆编号：',
  C0201: '路面（坑洼/塌陷/开裂），面积约（ ）平方米，影响通行：',
  C0302: '垃圾箱（破损/缺失/满溢），位置：',
  C0401: '树木（倒伏/树枝搭线），是否压到电线或车辆：',
  E0101: '暴露垃圾约（ ）袋/平方米，类型（生活/建筑/大件）：',
  E0104: '河面漂浮垃圾约（ ）平方米，位置（岸边/河中/桥下）：',
  E0201: '小广告（张贴/喷涂），约（ ）处，位置：',
  E0302: '施工扰民：时间段（ ），声源（ ）：',
  E0401: '路面积水约（ ）厘米深，范围约（ ）米，是否影响通行：',
};

/** The template when the category has none of its own. */
export const GENERIC_TEMPLATE = '问题情况：\n具体位置：\n影响范围：';

/** The starting text of a report's description for a category. */
export function templateFor(category: Pick<Category, 'code'> | undefined): string {
  return (category && DESCRIPTION_TEMPLATES[category.code]) ?? GENERIC_TEMPLATE;
}

/** The categories most reported from phones, offered first (by code). */
export const COMMON_CATEGORIES: readonly string[] = ['E0101', 'C0105', 'C0101', 'E0104', 'C0201', 'E0201'];

/** The categories matching a search (name, major class or code), the common ones first. */
export function searchCategories<T extends Pick<Category, 'code' | 'minorName' | 'majorName'>>(
  categories: readonly T[],
  query: string,
): T[] {
  const q = query.trim().toLowerCase();
  const hits = q
    ? categories.filter((c) => `${c.minorName} ${c.majorName} ${c.code}`.toLowerCase().includes(q))
    : [...categories];
  const rank = (c: T) => {
    const i = COMMON_CATEGORIES.indexOf(c.code);
    return i === -1 ? COMMON_CATEGORIES.length : i;
  };
  return hits.sort((a, b) => rank(a) - rank(b));
}
