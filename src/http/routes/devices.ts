import { Type } from 'typebox';
import { DeviceSchema } from '../../api/index.ts';
import { PROTOCOLS } from '../../domain/devices/identifiers.ts';
import {
  createDevice,
  deviceView,
  getDeviceOrThrow,
  getDeviceSettings,
  listDeviceViews,
  patchDevice,
  putDeviceSettings,
  removeDevice,
} from '../../services/devices/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';
import { Id, IdParams } from '../schemas.ts';

const ProtocolSchema = Type.Union(PROTOCOLS.map((p) => Type.Literal(p)));
const READERS = ['admin', 'operator', 'leader', 'workstation', 'community', 'department'] as const;
const MANAGERS = ['admin', 'operator'] as const;
const OfflineAfter = Type.Integer({
  minimum: 10,
  maximum: 7 * 86_400,
  description: 'seconds without a message before "offline"',
});

/** GPS terminals: registered by identifier, each optionally on an asset; status and last position. */
export async function deviceRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/devices',
    {
      config: { access: READERS },
      schema: {
        tags: ['devices'],
        summary: 'Devices in your scope with status and last position',
        querystring: Type.Object({ assetId: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: Type.Object({ items: Type.Array(DeviceSchema), total: Type.Integer() }) },
      },
    },
    async (request) => listDeviceViews(p.ctx, principal(request), request.query),
  );

  app.get(
    '/api/devices/:id',
    {
      config: { access: READERS },
      schema: { tags: ['devices'], params: IdParams, response: { 200: DeviceSchema } },
    },
    async (request) =>
      deviceView(p.ctx, await getDeviceOrThrow(p.ctx, principal(request), request.params.id)),
  );

  app.post(
    '/api/devices',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['devices'],
        summary:
          'Register a device by protocol and identifier (JT/T 808 phone number, GT06 IMEI, OsmAnd/MQTT id)',
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 100 }),
          protocol: ProtocolSchema,
          identifier: Type.String({ minLength: 1, maxLength: 64 }),
          assetId: Type.Optional(Type.Union([Id, Type.Null()])),
          unitId: Type.Optional(Id),
          offlineAfterS: Type.Optional(OfflineAfter),
        }),
        response: { 201: DeviceSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deviceView(p.ctx, await createDevice(p.ctx, request.body))),
  );

  app.patch(
    '/api/devices/:id',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['devices'],
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            identifier: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            assetId: Type.Optional(Type.Union([Id, Type.Null()])),
            unitId: Type.Optional(Id),
            offlineAfterS: Type.Optional(OfflineAfter),
          },
          { minProperties: 1 },
        ),
        response: { 200: DeviceSchema },
      },
    },
    async (request) => {
      const before = await getDeviceOrThrow(p.ctx, null, request.params.id);
      const device = await patchDevice(p.ctx, request.params.id, request.body);
      // Gateways hold devices in a short cache: drop it so the change applies at once.
      p.devices.forget(before.protocol, before.identifier);
      return deviceView(p.ctx, device);
    },
  );

  app.delete(
    '/api/devices/:id',
    {
      config: { access: MANAGERS },
      schema: { tags: ['devices'], summary: 'Delete a device and its track', params: IdParams },
    },
    async (request, reply) => {
      const device = await getDeviceOrThrow(p.ctx, null, request.params.id);
      await removeDevice(p.ctx, request.params.id);
      p.devices.forget(device.protocol, device.identifier);
      return reply.status(204).send();
    },
  );

  const SettingsBody = Type.Object({ autoRegister: Type.Boolean(), jt808RequireAuth: Type.Boolean() });
  app.get(
    '/api/settings/devices',
    {
      config: { access: ['admin'] },
      schema: { tags: ['devices'], summary: 'Gateway switches', response: { 200: SettingsBody } },
    },
    async () => getDeviceSettings(p.ctx),
  );
  app.patch(
    '/api/settings/devices',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['devices'],
        summary: 'Turn auto-registration (commissioning) or JT/T 808 authentication on or off',
        body: Type.Partial(SettingsBody, { minProperties: 1 }),
        response: { 200: SettingsBody },
      },
    },
    async (request) => putDeviceSettings(p.ctx, request.body),
  );
}
