import { categoryCode } from '../../domain/workorder/code.ts';
import { CATEGORY_TYPE_LABEL, type CategoryType } from '../../domain/workorder/dictionary.ts';
import { fail } from '../../errors/catalogue.ts';
import { type Document, type Fields, formatW3c, List } from '../../protocols/open311/index.ts';
import {
  type Category,
  type CategoryField,
  findCategoryByCodes,
  listCategories,
} from '../../store/categories.repository.ts';
import type { ServiceContext } from '../context.ts';

/** The time limit in words, e.g. 3个工作日. */
export function timeLimitText(c: Category): string {
  return `${c.timeLimit.amount}个工作${c.timeLimit.unit === 'days' ? '日' : '小时'}`;
}

/** A category's Open311 service_code: its dictionary code, e.g. C0401. */
export function serviceCodeOf(c: Category): string {
  return categoryCode(c.type, c.majorCode, c.minorCode);
}

/** One entry of GET Service List ("service"). */
function serviceEntry(c: Category): Fields {
  return {
    service_code: serviceCodeOf(c),
    service_name: c.minorName,
    description: `${CATEGORY_TYPE_LABEL[c.type]} · ${c.majorName} · ${c.minorName}（处置时限${timeLimitText(c)}）`,
    metadata: c.extraFields.length > 0,
    type: 'realtime',
    keywords: [CATEGORY_TYPE_LABEL[c.type], c.majorName, c.minorName].join(','),
    group: c.majorName,
  };
}

/** GET Service List: the active categories of the dictionary. */
export async function serviceList(ctx: ServiceContext): Promise<Document> {
  const categories = await listCategories(ctx.db, { active: true });
  return { root: 'services', body: new List('service', categories.map(serviceEntry)) };
}

const CODE = /^([CE])(\d{2})(\d{2})$/;

/** The category a service_code names, inactive ones included, or undefined. */
export async function findCategoryByServiceCode(
  ctx: ServiceContext,
  code: string,
): Promise<Category | undefined> {
  const m = CODE.exec(code);
  if (!m) return undefined;
  const type: CategoryType = m[1] === 'C' ? 'component' : 'event';
  return findCategoryByCodes(ctx.db, type, m[2] ?? '', m[3] ?? '');
}

/** The active category a service_code names, or CATEGORY_NOT_FOUND (GeoReport v2: 404 service_code not found). */
export async function activeCategoryOrThrow(ctx: ServiceContext, code: string): Promise<Category> {
  const category = await findCategoryByServiceCode(ctx, code);
  if (!category?.active)
    fail('CATEGORY_NOT_FOUND', `service_code ${code} is not a service: see services.json`);
  return category;
}

/** The category's extra fields in presentation order; `order` is renumbered 1, 2, … as the spec wants it unique and positive. */
export function orderedFields(c: Category): (CategoryField & { order: number })[] {
  return c.extraFields
    .map((f, i) => ({ f, rank: f.order ?? Number.MAX_SAFE_INTEGER, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ f }, i) => ({ ...f, order: i + 1 }));
}

/** GET Service Definition: the category's extra fields as attributes. */
export async function serviceDefinition(ctx: ServiceContext, code: string): Promise<Document> {
  const category = await activeCategoryOrThrow(ctx, code);
  const attributes = orderedFields(category).map(
    (f): Fields => ({
      variable: true,
      code: f.code,
      datatype: f.datatype,
      required: f.required,
      datatype_description: f.datatypeDescription || null,
      order: f.order,
      description: f.description,
      values:
        f.datatype === 'singlevaluelist' || f.datatype === 'multivaluelist'
          ? new List(
              'value',
              (f.values ?? []).map((v) => ({ key: v.key, name: v.name })),
            )
          : undefined,
    }),
  );
  return {
    root: 'service_definition',
    body: { service_code: serviceCodeOf(category), attributes: new List('attribute', attributes) },
  };
}

/** The Service Discovery document (wiki.open311.org/Service_Discovery) for the endpoint at `url`. */
export async function discovery(ctx: ServiceContext, url: string): Promise<Document> {
  const categories = await listCategories(ctx.db);
  // The changeset moves whenever the service list or a service definition changes.
  const changeset = formatW3c(Math.max(0, ...categories.map((c) => c.updatedAt)));
  return {
    root: 'discovery',
    body: {
      changeset,
      contact: '街道集成指挥中心 Zhongshu command centre: ask the subdistrict’s system administrator',
      key_service:
        'API keys for posting requests are issued by the command centre’s administrator (POST /api/open311/keys)',
      endpoints: new List('endpoint', [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url,
          changeset,
          type: 'production',
          formats: new List('format', ['text/xml', 'application/json']),
        },
      ]),
    },
  };
}
