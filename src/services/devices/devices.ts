import { randomBytes } from 'node:crypto';
import type { DeviceView } from '../../api/index.ts';
import { identifierProblem, normalizeIdentifier, type Protocol } from '../../domain/devices/identifiers.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import { findAsset } from '../../store/assets.repository.ts';
import {
  type Device,
  deleteDevice,
  findDevice,
  findDeviceByIdentifier,
  insertDevice,
  listDevices,
  updateDevice,
} from '../../store/devices.repository.ts';
import { findLatest, type StoredPosition } from '../../store/positions.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { getSetting, putSetting } from '../../store/settings.repository.ts';
import { findUnit, listUnits } from '../../store/units.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { assertHeldInScope, listScopeOf } from '../scope/index.ts';

/** Gateway switches an admin can flip at run time. */
export interface DeviceSettings {
  /** Commissioning: unknown identifiers are created as devices instead of being refused. */
  autoRegister: boolean;
  /** JT/T 808: require 0x0102 authentication with the issued code before positions are accepted. */
  jt808RequireAuth: boolean;
}

export const DEFAULT_DEVICE_SETTINGS: DeviceSettings = { autoRegister: false, jt808RequireAuth: true };
const SETTINGS_KEY = 'devices';
export const DEFAULT_OFFLINE_AFTER_S = 300;

export async function getDeviceSettings(ctx: ServiceContext): Promise<DeviceSettings> {
  return {
    ...DEFAULT_DEVICE_SETTINGS,
    ...(await getSetting<Partial<DeviceSettings>>(ctx.db, SETTINGS_KEY, {})),
  };
}

export async function putDeviceSettings(
  ctx: ServiceContext,
  patch: Partial<DeviceSettings>,
): Promise<DeviceSettings> {
  const next = { ...(await getDeviceSettings(ctx)), ...patch };
  await writeTransaction(ctx.db, [], (trx) => putSetting(trx, SETTINGS_KEY, next, ctx.now()));
  return next;
}

/** Online when heard from within the device's timeout. */
export function isOnline(device: Device, now: number): boolean {
  return device.lastSeenAt !== null && now - device.lastSeenAt < device.offlineAfterS * 1000;
}

export async function getDeviceOrThrow(
  ctx: ServiceContext,
  who: Principal | null,
  id: string,
): Promise<Device> {
  const device = await findDevice(ctx.db, id);
  if (!device) fail('DEVICE_NOT_FOUND', `No device with id ${id}`);
  await assertHeldInScope(ctx, who, device.unitId, () => fail('DEVICE_NOT_FOUND', `No device with id ${id}`));
  return device;
}

export function listVisibleDevices(ctx: ServiceContext, who: Principal, filter: { assetId?: string }) {
  return listDevices(ctx.db, { scopePath: listScopeOf(who), ...filter });
}

function checkedIdentifier(protocol: Protocol, raw: string): string {
  const identifier = normalizeIdentifier(protocol, raw);
  const problem = identifierProblem(protocol, identifier);
  if (problem) fail('VALIDATION_FAILED', `identifier "${raw}": ${problem}`, { field: 'identifier' });
  return identifier;
}

/** The device's owning unit: the one given, else its asset's, else an error naming both. */
async function unitFor(
  ctx: ServiceContext,
  unitId: string | undefined,
  assetId: string | null,
): Promise<string> {
  if (unitId !== undefined) {
    if (!(await findUnit(ctx.db, unitId))) fail('UNIT_NOT_FOUND', `unitId ${unitId} is not an existing unit`);
    return unitId;
  }
  if (assetId !== null) {
    const asset = await findAsset(ctx.db, assetId);
    if (!asset) fail('ASSET_NOT_FOUND', `assetId ${assetId} is not an existing asset`, { field: 'assetId' });
    return asset.unitId;
  }
  fail('VALIDATION_FAILED', 'give the device an assetId or a unitId', { field: 'unitId' });
}

export async function createDevice(
  ctx: ServiceContext,
  input: {
    name: string;
    protocol: Protocol;
    identifier: string;
    assetId?: string | null;
    unitId?: string;
    offlineAfterS?: number;
  },
): Promise<Device> {
  const identifier = checkedIdentifier(input.protocol, input.identifier);
  if (await findDeviceByIdentifier(ctx.db, input.protocol, identifier)) {
    fail(
      'DEVICE_IDENTIFIER_TAKEN',
      `A ${input.protocol} device with identifier ${identifier} already exists`,
      {
        field: 'identifier',
      },
    );
  }
  const assetId = input.assetId ?? null;
  if (assetId !== null && !(await findAsset(ctx.db, assetId))) {
    fail('ASSET_NOT_FOUND', `assetId ${assetId} is not an existing asset`, { field: 'assetId' });
  }
  const now = ctx.now();
  const device: Device = {
    id: newId(),
    name: input.name,
    protocol: input.protocol,
    identifier,
    assetId,
    unitId: await unitFor(ctx, input.unitId, assetId),
    authCode: null,
    offlineAfterS: input.offlineAfterS ?? DEFAULT_OFFLINE_AFTER_S,
    lastSeenAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await writeTransaction(ctx.db, [], (trx) => insertDevice(trx, device));
  return device;
}

/** Creates a device for an unknown identifier when auto-registration is on; it belongs to the root unit. */
export async function autoRegister(
  ctx: ServiceContext,
  protocol: Protocol,
  identifier: string,
): Promise<Device> {
  const [root] = await listUnits(ctx.db, { scopePath: null, kind: 'subdistrict' });
  if (!root) fail('UNIT_NOT_FOUND', 'no subdistrict to attach auto-registered devices to');
  return createDevice(ctx, { name: `${protocol}-${identifier}`, protocol, identifier, unitId: root.id });
}

export async function patchDevice(
  ctx: ServiceContext,
  id: string,
  patch: {
    name?: string;
    identifier?: string;
    assetId?: string | null;
    unitId?: string;
    offlineAfterS?: number;
  },
): Promise<Device> {
  const device = await getDeviceOrThrow(ctx, null, id);
  let identifier: string | undefined;
  if (patch.identifier !== undefined) {
    identifier = checkedIdentifier(device.protocol as Protocol, patch.identifier);
    const other = await findDeviceByIdentifier(ctx.db, device.protocol, identifier);
    if (other && other.id !== id)
      fail('DEVICE_IDENTIFIER_TAKEN', `identifier ${identifier} is taken by "${other.name}"`);
  }
  if (patch.assetId != null && !(await findAsset(ctx.db, patch.assetId))) {
    fail('ASSET_NOT_FOUND', `assetId ${patch.assetId} is not an existing asset`, { field: 'assetId' });
  }
  if (patch.unitId !== undefined && !(await findUnit(ctx.db, patch.unitId))) {
    fail('UNIT_NOT_FOUND', `unitId ${patch.unitId} is not an existing unit`, { field: 'unitId' });
  }
  await writeTransaction(ctx.db, [], (trx) =>
    updateDevice(trx, id, { ...patch, identifier, updatedAt: ctx.now() }),
  );
  return getDeviceOrThrow(ctx, null, id);
}

export async function removeDevice(ctx: ServiceContext, id: string): Promise<void> {
  await getDeviceOrThrow(ctx, null, id);
  await writeTransaction(ctx.db, [], (trx) => deleteDevice(trx, id));
}

/** Issues (and stores) a fresh JT/T 808 authentication code at registration. */
export async function issueAuthCode(ctx: ServiceContext, device: Device): Promise<string> {
  const code = randomBytes(6).toString('hex');
  await updateDevice(ctx.db, device.id, { authCode: code, updatedAt: ctx.now() });
  return code;
}

/** The device with its status and latest position, as the API shows it. */
export async function deviceView(
  ctx: ServiceContext,
  d: Device,
  latest?: StoredPosition | null,
): Promise<DeviceView> {
  const position = latest === undefined ? await findLatest(ctx.db, d.id) : latest;
  return {
    id: d.id,
    name: d.name,
    protocol: d.protocol as Protocol,
    identifier: d.identifier,
    assetId: d.assetId,
    unitId: d.unitId,
    offlineAfterS: d.offlineAfterS,
    status: isOnline(d, ctx.now()) ? 'online' : 'offline',
    lastSeenAt: d.lastSeenAt ? new Date(d.lastSeenAt).toISOString() : null,
    lastPosition: position
      ? {
          time: new Date(position.time).toISOString(),
          lat: position.lat,
          lon: position.lon,
          speed: position.speed,
        }
      : null,
    createdAt: new Date(d.createdAt).toISOString(),
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}
