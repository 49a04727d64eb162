import { IdParams, ShiftPlanBody, ShiftPlanSchema } from '../../api/index.ts';
import { FLEET_MANAGERS, FLEET_READERS } from '../../domain/auth/roles.ts';
import {
  clearAssetShifts,
  getAssetShifts,
  getUnitShifts,
  putAssetShifts,
  putUnitShifts,
} from '../../services/shifts/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** Shift plans (排班): an asset's own, or a unit's default for its assets; times in Asia/Shanghai. */
export async function shiftRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/assets/:id/shifts',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['assets'],
        summary: 'The shift plan an asset works to: its own, or its unit’s default (source)',
        params: IdParams,
        response: { 200: ShiftPlanSchema },
      },
    },
    async (request) => getAssetShifts(p.ctx, principal(request), request.params.id),
  );
  app.put(
    '/api/assets/:id/shifts',
    {
      config: { access: FLEET_MANAGERS },
      schema: {
        tags: ['assets'],
        summary: 'Sets the asset’s own shift plan (400 FLEET_SETTINGS_INVALID naming a wrong entry)',
        params: IdParams,
        body: ShiftPlanBody,
        response: { 200: ShiftPlanSchema },
      },
    },
    async (request) => putAssetShifts(p.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/assets/:id/shifts',
    {
      config: { access: FLEET_MANAGERS },
      schema: {
        tags: ['assets'],
        summary: 'The asset follows its unit’s default plan again',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await clearAssetShifts(p.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/units/:id/shifts',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['assets'],
        summary: 'A unit’s default shift plan for its assets',
        params: IdParams,
        response: { 200: ShiftPlanSchema },
      },
    },
    async (request) => getUnitShifts(p.ctx, principal(request), request.params.id),
  );
  app.put(
    '/api/units/:id/shifts',
    {
      config: { access: FLEET_MANAGERS },
      schema: {
        tags: ['assets'],
        summary: 'Sets a unit’s default shift plan (the contractor’s, for all its boats)',
        params: IdParams,
        body: ShiftPlanBody,
        response: { 200: ShiftPlanSchema },
      },
    },
    async (request) => putUnitShifts(p.ctx, request.params.id, request.body),
  );
}
