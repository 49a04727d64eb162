/** Unit kinds of the 网格化 organisation, and which kind may sit under which. */
export const UNIT_KINDS = [
  'subdistrict',
  'gridArea',
  'workstation',
  'community',
  'grid',
  'department',
  'contractor',
] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];

/** Allowed parent kind for each unit kind; null means a root. */
export const PARENT_KIND: Record<UnitKind, UnitKind | null> = {
  subdistrict: null,
  gridArea: 'subdistrict',
  // A linkage workstation serves one grid area, so it sits beside that area's communities.
  workstation: 'gridArea',
  community: 'gridArea',
  grid: 'community',
  // Departments and contractors stand outside the grid tree but belong to the subdistrict.
  department: 'subdistrict',
  contractor: 'subdistrict',
};

/** 中文 names for messages and the console. */
export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  subdistrict: '街道',
  gridArea: '网格片',
  workstation: '联动工作站',
  community: '社区',
  grid: '网格',
  department: '职能部门',
  contractor: '承包单位',
};

/** Returns why `kind` cannot sit under `parentKind`, or undefined when it can. */
export function parentProblem(kind: UnitKind, parentKind: UnitKind | null): string | undefined {
  const expected = PARENT_KIND[kind];
  if (expected === parentKind) return undefined;
  if (expected === null) return `a ${kind} is a root unit and takes no parentId`;
  if (parentKind === null) return `a ${kind} needs a parentId of kind ${expected}`;
  return `a ${kind} must sit under a ${expected}, not under a ${parentKind}`;
}
