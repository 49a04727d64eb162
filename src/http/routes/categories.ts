import { Type } from 'typebox';
import {
  CATEGORY_FIELD_DATATYPES,
  CATEGORY_TYPES,
  DEFAULT_UNIT_KINDS,
  STAGES,
} from '../../domain/workorder/dictionary.ts';
import {
  categoryTree,
  categoryView,
  createCategory,
  getCategoryOrThrow,
  listCategoriesFor,
  patchCategory,
  removeCategory,
} from '../../services/categories/index.ts';
import type { App, Platform } from '../app-types.ts';
import { IdParams } from '../schemas.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const TwoDigits = Type.String({ pattern: '^[0-9]{2}$', description: 'two digits, as in GB/T 30428' });
const Name = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' });
const Field = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
  datatype: literals(CATEGORY_FIELD_DATATYPES),
  required: Type.Boolean(),
  description: Type.String({ minLength: 1, maxLength: 500 }),
  datatypeDescription: Type.Optional(Type.String({ maxLength: 500 })),
  order: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  values: Type.Optional(
    Type.Array(Type.Object({ key: Type.String({ maxLength: 64 }), name: Type.String({ maxLength: 200 }) }), {
      maxItems: 100,
    }),
  ),
});
const Fields = {
  type: literals(CATEGORY_TYPES),
  majorCode: TwoDigits,
  majorName: Name,
  minorCode: TwoDigits,
  minorName: Name,
  timeLimit: Type.Object({
    amount: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
    unit: literals(['hours', 'days'] as const),
  }),
  defaultUnitKind: Type.Optional(Type.Union([literals(DEFAULT_UNIT_KINDS), Type.Null()])),
  defaultUnitId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
  defaultStage: Type.Optional(literals(STAGES)),
  duplicateRadiusM: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000 })),
  active: Type.Optional(Type.Boolean()),
  extraFields: Type.Optional(Type.Array(Field, { maxItems: 30 })),
};

/** The category dictionary (清单制): read by everyone signed in, managed by admins. */
export async function categoryRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/categories',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['categories'],
        summary: 'The dictionary, flat or as a tree type → major → minor',
        querystring: Type.Object({
          view: Type.Optional(literals(['flat', 'tree'] as const)),
          type: Type.Optional(literals(CATEGORY_TYPES)),
          active: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (request) => {
      const { view, type, active } = request.query;
      const categories = await listCategoriesFor(p.ctx, { type, active });
      const items = view === 'tree' ? categoryTree(categories) : categories.map(categoryView);
      return { items, total: categories.length };
    },
  );

  app.get(
    '/api/categories/:id',
    { config: { access: 'authenticated' }, schema: { tags: ['categories'], params: IdParams } },
    async (request) => categoryView(await getCategoryOrThrow(p.ctx, request.params.id)),
  );

  app.post(
    '/api/categories',
    {
      config: { access: ['admin'] },
      schema: { tags: ['categories'], summary: 'Add a minor class (admin)', body: Type.Object(Fields) },
    },
    async (request, reply) => reply.status(201).send(categoryView(await createCategory(p.ctx, request.body))),
  );

  app.patch(
    '/api/categories/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['categories'],
        summary: 'Edit a category (admin); a new majorName renames the major class everywhere',
        params: IdParams,
        body: Type.Partial(Type.Object(Fields), { minProperties: 1 }),
      },
    },
    async (request) => categoryView(await patchCategory(p.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/api/categories/:id',
    {
      config: { access: ['admin'] },
      schema: { tags: ['categories'], summary: 'Delete an unused category (admin)', params: IdParams },
    },
    async (request, reply) => {
      await removeCategory(p.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
}
