/**
 * Names and codes of the demo subdistrict. 320508 is 姑苏区, Suzhou (GB/T 2260); the
 * subdistrict and its community names are plausible rather than real.
 */
export const DEMO_SUBDISTRICT = { code: '320508001', name: '娄江街道' } as const;

/** Twenty-one community names, in the order communities are numbered 001…021. */
export const COMMUNITY_NAMES = [
  '娄门社区',
  '东环社区',
  '城东社区',
  '相门社区',
  '耦园社区',
  '百家巷社区',
  '迎春社区',
  '东港社区',
  '菱塘社区',
  '金塘社区',
  '莲花社区',
  '葑门社区',
  '新塘社区',
  '莫邪社区',
  '干将社区',
  '临顿社区',
  '北园社区',
  '钮家巷社区',
  '平江社区',
  '苏安社区',
  '桃坞社区',
] as const;

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 第一, 第二… for the n-th (1-based) grid area or workstation. */
export function ordinal(n: number): string {
  const digit = ORDINALS[n - 1];
  if (!digit) throw new RangeError(`no Chinese ordinal for ${n}`);
  return `第${digit}`;
}

/** Two-digit, zero-padded sequence number used inside unit codes. */
export function seq2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Three-digit, zero-padded sequence number (community part of a grid code). */
export function seq3(n: number): string {
  return String(n).padStart(3, '0');
}
