import { Type } from 'typebox';
import { STAFF_ROLES } from '../../domain/auth/roles.ts';
import { fail } from '../../errors/catalogue.ts';
import {
  buildTree,
  createUnit,
  getUnitOrThrow,
  listVisibleUnits,
  locate,
  patchUnit,
  removeUnit,
  unitView,
} from '../../services/units/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';
import { AreaGeometrySchema, ErrorBody, Id, IdParams, UnitKindSchema, UnitSchema } from '../schemas.ts';

const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z-]+$' });
const Name = Type.String({ minLength: 1, maxLength: 100 });

/** The organisation tree: read within scope, changed by admins. */
export async function unitRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/units',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['organisation'],
        summary: 'Units in your scope, flat (with parentId) or as a tree',
        querystring: Type.Object({
          view: Type.Optional(Type.Union([Type.Literal('flat'), Type.Literal('tree')], { default: 'flat' })),
          kind: Type.Optional(UnitKindSchema),
          parentId: Type.Optional(Type.String({ maxLength: 64 })),
          geometry: Type.Optional(Type.Boolean({ default: true })),
        }),
      },
    },
    async (request) => {
      const { view, kind, parentId, geometry } = request.query;
      const units = await listVisibleUnits(p.ctx, principal(request), { kind, parentId });
      const shown = geometry === false ? units.map((u) => ({ ...u, polygon: null })) : units;
      if (view === 'tree') return { items: buildTree(shown), total: units.length };
      return { items: shown.map(unitView), total: units.length };
    },
  );

  app.get(
    '/api/units/locate',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['organisation'],
        summary: 'The grid → community → grid area/workstation → subdistrict chain containing a WGS-84 point',
        querystring: Type.Object({
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lon: Type.Number({ minimum: -180, maximum: 180 }),
        }),
        response: {
          200: Type.Object({
            grid: UnitSchema,
            community: UnitSchema,
            gridArea: UnitSchema,
            workstation: Type.Union([UnitSchema, Type.Null()]),
            subdistrict: UnitSchema,
          }),
          404: ErrorBody,
        },
      },
    },
    async (request) => {
      const { lat, lon } = request.query;
      const chain = await locate(p.ctx, lat, lon);
      if (!chain) fail('UNIT_NOT_FOUND', `No grid contains the point lat=${lat}, lon=${lon} (WGS-84)`);
      return {
        grid: unitView(chain.grid),
        community: unitView(chain.community),
        gridArea: unitView(chain.gridArea),
        workstation: chain.workstation ? unitView(chain.workstation) : null,
        subdistrict: unitView(chain.subdistrict),
      };
    },
  );

  app.get(
    '/api/units/:id',
    {
      config: { access: STAFF_ROLES },
      schema: { tags: ['organisation'], params: IdParams, response: { 200: UnitSchema, 404: ErrorBody } },
    },
    async (request) => unitView(await getUnitOrThrow(p.ctx, principal(request), request.params.id)),
  );

  app.post(
    '/api/units',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['organisation'],
        summary: 'Create a unit (admin)',
        body: Type.Object({
          kind: UnitKindSchema,
          parentId: Type.Optional(Type.Union([Id, Type.Null()])),
          code: Code,
          name: Name,
          polygon: Type.Optional(Type.Union([AreaGeometrySchema, Type.Null()])),
        }),
        response: { 201: UnitSchema },
      },
    },
    async (request, reply) => {
      const unit = await createUnit(p.ctx, request.body);
      p.bus.publish({ type: 'unit.created', unitPath: unit.path, data: unitView(unit) });
      return reply.status(201).send(unitView(unit));
    },
  );

  app.patch(
    '/api/units/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['organisation'],
        summary: 'Rename, recode, redraw or move a unit (admin)',
        params: IdParams,
        body: Type.Object(
          {
            code: Type.Optional(Code),
            name: Type.Optional(Name),
            polygon: Type.Optional(Type.Union([AreaGeometrySchema, Type.Null()])),
            parentId: Type.Optional(Id),
          },
          { minProperties: 1 },
        ),
        response: { 200: UnitSchema },
      },
    },
    async (request) => {
      const unit = await patchUnit(p.ctx, request.params.id, request.body);
      p.bus.publish({ type: 'unit.updated', unitPath: unit.path, data: unitView(unit) });
      return unitView(unit);
    },
  );

  app.delete(
    '/api/units/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['organisation'],
        summary: 'Delete a unit without children or references (admin)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await removeUnit(p.ctx, request.params.id);
      p.bus.publish({ type: 'unit.deleted', unitPath: null, data: { id: request.params.id } });
      return reply.status(204).send();
    },
  );
}
