import type { CategoryFields } from '../../../src/domain/workorder/dictionary.ts';
import type { Timestamps } from '../../../src/domain/workorder/model.ts';
import { request } from './client.ts';
import type { List } from './types.ts';

/**
 * A minor class of the category dictionary (清单制), as GET /api/categories returns it: the
 * server's fields with the id, the full code (type-major-minor) and ISO times.
 */
export interface Category extends CategoryFields, Timestamps<string> {
  id: string;
  code: string;
}

/** The dictionary, flat; `active` limits it to the categories new reports may use. */
export async function fetchCategories(signal?: AbortSignal, active?: boolean): Promise<Category[]> {
  return (await request<List<Category>>('/api/categories', { query: { active }, signal })).items;
}
