import { FleetSettingsPatchBody, FleetSettingsSchema } from '../../api/index.ts';
import { FLEET_READERS } from '../../domain/auth/roles.ts';
import { getFleetSettings, patchFleetSettings } from '../../services/fleet-settings/index.ts';
import type { App, Platform } from '../app-types.ts';

/** The fleet rules' thresholds per asset kind: read by who reads the fleet, changed by admins. */
export async function fleetSettingsRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/settings/fleet',
    {
      config: { access: FLEET_READERS },
      schema: {
        tags: ['assets'],
        summary: 'The trip, stop and work/rest thresholds of each asset kind, and the coverage threshold',
        response: { 200: FleetSettingsSchema },
      },
    },
    async () => getFleetSettings(p.ctx),
  );

  app.patch(
    '/api/settings/fleet',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['assets'],
        summary:
          'Change thresholds of an asset kind (null: back to the default) or the coverage threshold (admin); 400 FLEET_SETTINGS_INVALID names a value that cannot be right',
        body: FleetSettingsPatchBody,
        response: { 200: FleetSettingsSchema },
      },
    },
    async (request) => patchFleetSettings(p.ctx, request.body),
  );
}
