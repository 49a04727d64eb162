import { request } from './client.ts';
import type { TimeLimit } from './orders.ts';
import type { List } from './types.ts';

/** A minor class of the category dictionary (清单制), as GET /api/categories returns it. */
export interface Category {
  id: string;
  code: string;
  type: 'component' | 'event';
  majorCode: string;
  majorName: string;
  minorCode: string;
  minorName: string;
  timeLimit: TimeLimit;
  defaultUnitKind: string | null;
  defaultUnitId: string | null;
  active: boolean;
}

/** The dictionary, flat; `active` limits it to the categories new reports may use. */
export async function fetchCategories(signal?: AbortSignal, active?: boolean): Promise<Category[]> {
  return (await request<List<Category>>('/api/categories', { query: { active }, signal })).items;
}
