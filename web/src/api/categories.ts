import type { DefaultUnitKind } from '../../../src/domain/workorder/dictionary.ts';
import { request } from './client.ts';
import type { CategoryType, TimeLimit } from './orders.ts';
import type { List } from './types.ts';

/** A minor class of the category dictionary (清单制), as GET /api/categories returns it. */
export interface Category {
  id: string;
  code: string;
  type: CategoryType;
  majorCode: string;
  majorName: string;
  minorCode: string;
  minorName: string;
  timeLimit: TimeLimit;
  defaultUnitKind: DefaultUnitKind | null;
  defaultUnitId: string | null;
  active: boolean;
}

/** The dictionary, flat; `active` limits it to the categories new reports may use. */
export async function fetchCategories(signal?: AbortSignal, active?: boolean): Promise<Category[]> {
  return (await request<List<Category>>('/api/categories', { query: { active }, signal })).items;
}
