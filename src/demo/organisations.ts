import { DEMO_SUBDISTRICT } from './names.ts';

/** A demo unit outside the grid tree, with a stable key that later seeds (categories, dispatch) can use. */
export interface DemoOrganisation {
  key: string;
  code: string;
  name: string;
}

const base = DEMO_SUBDISTRICT.code;

/** The subdistrict's departments (职能部门), the ones the overhanging-branches story involves and more. */
export const DEMO_DEPARTMENTS: readonly DemoOrganisation[] = [
  { key: 'greening', code: `${base}-D01`, name: '园林绿化所' },
  { key: 'power', code: `${base}-D02`, name: '供电所' },
  { key: 'cityManagement', code: `${base}-D03`, name: '城管中队' },
  { key: 'lawEnforcement', code: `${base}-D04`, name: '综合执法队' },
  { key: 'water', code: `${base}-D05`, name: '水务站' },
];

/** The river-cleaning company (承包单位) whose crews and boats keep the segments clean. */
export const DEMO_CONTRACTOR: DemoOrganisation = {
  key: 'riverCleaning',
  code: `${base}-C01`,
  name: '苏州清波河道保洁有限公司',
};
