import type { TimeLimit } from '../domain/calendar/time-limit.ts';
import type {
  CategoryField,
  CategoryFields,
  CategoryType,
  DefaultUnitKind,
  Stage,
} from '../domain/workorder/dictionary.ts';
import type { Timestamps } from '../domain/workorder/model.ts';
import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';
import { cachedRead, invalidateReads } from './read-cache.ts';
import type { CategoryTable } from './schema.ts';

export type { CategoryField } from '../domain/workorder/dictionary.ts';

/** A minor class of the dictionary with its defaults, as the services see it. */
export interface Category extends CategoryFields, Timestamps {
  id: string;
}

// The columns hold only what the service validated on the way in, hence the narrowing casts.
function toCategory(r: CategoryTable): Category {
  return {
    id: r.id,
    type: r.type as CategoryType,
    majorCode: r.major_code,
    majorName: r.major_name,
    minorCode: r.minor_code,
    minorName: r.minor_name,
    timeLimit: { amount: r.time_limit_amount, unit: r.time_limit_unit as TimeLimit['unit'] },
    defaultUnitKind: r.default_unit_kind as DefaultUnitKind | null,
    defaultUnitId: r.default_unit_id,
    defaultStage: r.default_stage as Stage,
    duplicateRadiusM: r.duplicate_radius_m,
    active: r.active === 1,
    extraFields: parseJson<CategoryField[]>(r.extra_fields) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRow(c: Category): CategoryTable {
  return {
    id: c.id,
    type: c.type,
    major_code: c.majorCode,
    major_name: c.majorName,
    minor_code: c.minorCode,
    minor_name: c.minorName,
    time_limit_amount: c.timeLimit.amount,
    time_limit_unit: c.timeLimit.unit,
    default_unit_kind: c.defaultUnitKind,
    default_unit_id: c.defaultUnitId,
    default_stage: c.defaultStage,
    duplicate_radius_m: c.duplicateRadiusM,
    active: c.active ? 1 : 0,
    extra_fields: toJson(c.extraFields),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

/** One category by id, or undefined. */
export function findCategory(db: Db, id: string): Promise<Category | undefined> {
  return cachedRead(db, 'categories', `id:${id}`, async () => {
    const row = await db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toCategory(row) : undefined;
  });
}

/** The category with this type, major and minor code, or undefined. */
export async function findCategoryByCodes(
  db: Db,
  type: string,
  majorCode: string,
  minorCode: string,
): Promise<Category | undefined> {
  const row = await db
    .selectFrom('categories')
    .selectAll()
    .where('type', '=', type)
    .where('major_code', '=', majorCode)
    .where('minor_code', '=', minorCode)
    .executeTakeFirst();
  return row ? toCategory(row) : undefined;
}

/** Categories in dictionary order (type, major, minor), optionally of one type or activity. */
export async function listCategories(
  db: Db,
  filter: { type?: string; active?: boolean } = {},
): Promise<readonly Category[]> {
  return cachedRead(db, 'categories', `list:${filter.type ?? ''}|${filter.active ?? ''}`, async () => {
    let q = db.selectFrom('categories').selectAll();
    if (filter.type) q = q.where('type', '=', filter.type);
    if (filter.active !== undefined) q = q.where('active', '=', filter.active ? 1 : 0);
    const rows = await q.orderBy('type').orderBy('major_code').orderBy('minor_code').execute();
    return rows.map(toCategory);
  });
}

/** Stores a new category. */
export async function insertCategory(db: Db, c: Category): Promise<void> {
  invalidateReads(db, 'categories');
  await db.insertInto('categories').values(toRow(c)).execute();
}

/** Overwrites a category with its edited version. */
export async function replaceCategory(db: Db, c: Category): Promise<void> {
  invalidateReads(db, 'categories');
  const { id, created_at, ...rest } = toRow(c);
  await db.updateTable('categories').set(rest).where('id', '=', id).execute();
}

/** Deletes a category (the caller checked that no order uses it). */
export async function deleteCategory(db: Db, id: string): Promise<void> {
  invalidateReads(db, 'categories');
  await db.deleteFrom('categories').where('id', '=', id).execute();
}

/** How many orders use a category. */
export async function countOrdersInCategory(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('category_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
