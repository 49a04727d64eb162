import type { CategoryView } from '../../../src/api/index.ts';
import { request } from './client.ts';
import type { List } from './types.ts';

/**
 * A minor class of the category dictionary (清单制), as GET /api/categories returns it: the
 * server's fields with the id, the full code (type-major-minor) and ISO times.
 */
export type Category = CategoryView;

/** The dictionary, flat; `active` limits it to the categories new reports may use. */
export async function fetchCategories(signal?: AbortSignal, active?: boolean): Promise<Category[]> {
  return (await request<List<Category>>('/api/categories', { query: { active }, signal })).items;
}
