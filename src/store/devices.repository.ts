import type { Db } from './database.ts';
import type { DeviceTable } from './schema.ts';
import { unitPathUnder } from './scope.ts';

/** A device (GPS terminal) as the services see it. */
export interface Device {
  id: string;
  name: string;
  protocol: string;
  identifier: string;
  assetId: string | null;
  unitId: string;
  authCode: string | null;
  offlineAfterS: number;
  lastSeenAt: number | null;
  createdAt: number;
  updatedAt: number;
}

function toDevice(r: DeviceTable): Device {
  return {
    id: r.id,
    name: r.name,
    protocol: r.protocol,
    identifier: r.identifier,
    assetId: r.asset_id,
    unitId: r.unit_id,
    authCode: r.auth_code,
    offlineAfterS: r.offline_after_s,
    lastSeenAt: r.last_seen_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findDevice(db: Db, id: string): Promise<Device | undefined> {
  const row = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDevice(row) : undefined;
}

export async function findDeviceByIdentifier(
  db: Db,
  protocol: string,
  identifier: string,
): Promise<Device | undefined> {
  const row = await db
    .selectFrom('devices')
    .selectAll()
    .where('protocol', '=', protocol)
    .where('identifier', '=', identifier)
    .executeTakeFirst();
  return row ? toDevice(row) : undefined;
}

/** Devices whose unit lies under the scope path (null = all), by name. */
export async function listDevices(
  db: Db,
  filter: { scopePath: string | null; assetId?: string },
): Promise<Device[]> {
  let q = db.selectFrom('devices').innerJoin('units', 'units.id', 'devices.unit_id').selectAll('devices');
  if (filter.scopePath !== null) q = q.where(unitPathUnder('units.path', filter.scopePath));
  if (filter.assetId) q = q.where('devices.asset_id', '=', filter.assetId);
  return (await q.orderBy('devices.name').execute()).map(toDevice);
}

export async function insertDevice(db: Db, d: Device): Promise<void> {
  await db
    .insertInto('devices')
    .values({
      id: d.id,
      name: d.name,
      protocol: d.protocol,
      identifier: d.identifier,
      asset_id: d.assetId,
      unit_id: d.unitId,
      auth_code: d.authCode,
      offline_after_s: d.offlineAfterS,
      last_seen_at: d.lastSeenAt,
      created_at: d.createdAt,
      updated_at: d.updatedAt,
    })
    .execute();
}

export async function updateDevice(
  db: Db,
  id: string,
  patch: Partial<
    Pick<Device, 'name' | 'assetId' | 'unitId' | 'authCode' | 'offlineAfterS' | 'identifier'>
  > & {
    updatedAt: number;
  },
): Promise<void> {
  await db
    .updateTable('devices')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.identifier !== undefined && { identifier: patch.identifier }),
      ...(patch.assetId !== undefined && { asset_id: patch.assetId }),
      ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
      ...(patch.authCode !== undefined && { auth_code: patch.authCode }),
      ...(patch.offlineAfterS !== undefined && { offline_after_s: patch.offlineAfterS }),
      updated_at: patch.updatedAt,
    })
    .where('id', '=', id)
    .execute();
}

/** Records when devices were last heard from; never moves the time backwards. */
export async function touchDevices(db: Db, seen: Map<string, number>): Promise<void> {
  for (const [id, at] of seen) {
    await db
      .updateTable('devices')
      .set({ last_seen_at: at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', at)]))
      .execute();
  }
}

export async function deleteDevice(db: Db, id: string): Promise<void> {
  const work = async (trx: Db) => {
    await trx.deleteFrom('latest_positions').where('device_id', '=', id).execute();
    await trx.deleteFrom('positions').where('device_id', '=', id).execute();
    await trx.deleteFrom('devices').where('id', '=', id).execute();
  };
  // All or nothing: inside the caller's transaction, or in one of its own.
  await (db.isTransaction ? work(db) : db.transaction().execute(work));
}
