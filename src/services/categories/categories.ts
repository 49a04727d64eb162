import type { CategoryView } from '../../api/index.ts';
import { categoryCode } from '../../domain/workorder/code.ts';
import {
  CATEGORY_TYPE_LABEL,
  type CategoryClass,
  type CategoryFields,
  type CategoryType,
} from '../../domain/workorder/dictionary.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import {
  type Category,
  countOrdersInCategory,
  deleteCategory,
  findCategory,
  findCategoryByCodes,
  insertCategory,
  listCategories,
  replaceCategory,
} from '../../store/categories.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { ServiceContext } from '../context.ts';

/** What an admin gives to create a category: its place in the dictionary and time limit; the rest has defaults. */
export type CategoryInput = Pick<CategoryFields, keyof CategoryClass | 'timeLimit'> & Partial<CategoryFields>;

/** A category as the API returns it. */
export function categoryView(c: Category): CategoryView {
  return {
    id: c.id,
    code: categoryCode(c.type, c.majorCode, c.minorCode),
    type: c.type,
    majorCode: c.majorCode,
    majorName: c.majorName,
    minorCode: c.minorCode,
    minorName: c.minorName,
    timeLimit: c.timeLimit,
    defaultUnitKind: c.defaultUnitKind,
    defaultUnitId: c.defaultUnitId,
    defaultStage: c.defaultStage,
    duplicateRadiusM: c.duplicateRadiusM,
    active: c.active,
    extraFields: c.extraFields,
    createdAt: new Date(c.createdAt).toISOString(),
    updatedAt: new Date(c.updatedAt).toISOString(),
  };
}

/** The dictionary as a tree: type (部件/事件) → major class → minor classes. */
export function categoryTree(categories: readonly Category[]) {
  const types = new Map<CategoryType, Map<string, { code: string; name: string; minors: Category[] }>>();
  for (const c of categories) {
    const majors = types.get(c.type) ?? new Map();
    types.set(c.type, majors);
    const major = majors.get(c.majorCode) ?? { code: c.majorCode, name: c.majorName, minors: [] };
    majors.set(c.majorCode, major);
    major.minors.push(c);
  }
  return [...types].map(([type, majors]) => ({
    type,
    label: CATEGORY_TYPE_LABEL[type],
    majors: [...majors.values()].map((m) => ({
      code: m.code,
      name: m.name,
      minors: m.minors.map(categoryView),
    })),
  }));
}

/** A category by id, or CATEGORY_NOT_FOUND. */
export async function getCategoryOrThrow(ctx: ServiceContext, id: string): Promise<Category> {
  const category = await findCategory(ctx.db, id);
  if (!category) fail('CATEGORY_NOT_FOUND', `No category with id ${id}`);
  return category;
}

/** The dictionary, optionally of one type or activity. */
export function listCategoriesFor(ctx: ServiceContext, filter: { type?: string; active?: boolean }) {
  return listCategories(ctx.db, filter);
}

/** A fixed default unit must exist; a kind resolved from the order's position cannot carry one. */
async function checkDefaultUnit(ctx: ServiceContext, c: Category): Promise<Category> {
  if (c.defaultUnitId === null) return c;
  if (c.defaultUnitKind !== null && c.defaultUnitKind !== 'department') {
    fail(
      'VALIDATION_FAILED',
      `defaultUnitKind ${c.defaultUnitKind} is found from the order's position: drop defaultUnitId`,
      {
        field: 'body.defaultUnitId',
      },
    );
  }
  if (!(await findUnit(ctx.db, c.defaultUnitId))) {
    fail('UNIT_NOT_FOUND', `defaultUnitId ${c.defaultUnitId} is not an existing unit`, {
      field: 'body.defaultUnitId',
    });
  }
  return { ...c, defaultUnitKind: 'department' };
}

/** Codes are unique; a major class has one name, which a new minor class must use so the tree never shows two. */
async function checkCodes(ctx: ServiceContext, c: Category, renamingMajor = false): Promise<void> {
  const same = await findCategoryByCodes(ctx.db, c.type, c.majorCode, c.minorCode);
  if (same && same.id !== c.id) {
    fail(
      'CATEGORY_CODE_TAKEN',
      `${categoryCode(c.type, c.majorCode, c.minorCode)} is already "${same.minorName}"`,
      {
        field: 'body.minorCode',
      },
    );
  }
  const major = (await listCategories(ctx.db, { type: c.type })).find(
    (o) => o.majorCode === c.majorCode && o.id !== c.id,
  );
  if (!renamingMajor && major && major.majorName !== c.majorName) {
    fail(
      'VALIDATION_FAILED',
      `major class ${c.majorCode} is named "${major.majorName}", not "${c.majorName}"`,
      {
        field: 'body.majorName',
      },
    );
  }
}

/** Adds a minor class to the dictionary. */
export async function createCategory(ctx: ServiceContext, input: CategoryInput): Promise<Category> {
  const now = ctx.now();
  const category = await checkDefaultUnit(ctx, {
    id: newId(),
    type: input.type,
    majorCode: input.majorCode,
    majorName: input.majorName,
    minorCode: input.minorCode,
    minorName: input.minorName,
    timeLimit: input.timeLimit,
    defaultUnitKind: input.defaultUnitKind ?? null,
    defaultUnitId: input.defaultUnitId ?? null,
    defaultStage: input.defaultStage ?? 'during',
    duplicateRadiusM: input.duplicateRadiusM ?? 50,
    active: input.active ?? true,
    extraFields: input.extraFields ?? [],
    createdAt: now,
    updatedAt: now,
  });
  await checkCodes(ctx, category);
  await writeTransaction(ctx.db, ['categories'], (trx) => insertCategory(trx, category));
  return category;
}

/** Edits a category. Renaming its major class renames it for every minor class in it. */
export async function patchCategory(
  ctx: ServiceContext,
  id: string,
  patch: Partial<CategoryInput>,
): Promise<Category> {
  const current = await getCategoryOrThrow(ctx, id);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  // Switching to a unit found from the position drops the fixed unit; naming a fixed unit switches to it.
  const dropsUnit = patch.defaultUnitKind != null && patch.defaultUnitKind !== 'department';
  if (dropsUnit && patch.defaultUnitId === undefined) defined.defaultUnitId = null;
  if (patch.defaultUnitId != null && patch.defaultUnitKind === undefined)
    defined.defaultUnitKind = 'department';
  const next = await checkDefaultUnit(ctx, { ...current, ...defined, updatedAt: ctx.now() });
  const renamesMajor = patch.majorName !== undefined && patch.majorName !== current.majorName;
  await checkCodes(ctx, next, renamesMajor);
  return writeTransaction(ctx.db, ['categories'], async (trx) => {
    await replaceCategory(trx, next);
    if (renamesMajor) {
      const siblings = (await listCategories(trx, { type: next.type })).filter(
        (c) => c.majorCode === next.majorCode && c.id !== id,
      );
      for (const s of siblings)
        await replaceCategory(trx, { ...s, majorName: next.majorName, updatedAt: next.updatedAt });
    }
    return next;
  });
}

/** Deletes an unused category; one that orders use can only be deactivated. */
export async function removeCategory(ctx: ServiceContext, id: string): Promise<void> {
  const category = await getCategoryOrThrow(ctx, id);
  const orders = await countOrdersInCategory(ctx.db, id);
  if (orders > 0) {
    fail(
      'CATEGORY_IN_USE',
      `${orders} order(s) use "${category.minorName}": set active to false with PATCH instead`,
      { orders },
    );
  }
  await writeTransaction(ctx.db, ['categories'], (trx) => deleteCategory(trx, id));
}
