// Devices for the benchmarks written straight into a stopped server's SQLite database: 20,000
// through the API take minutes on a busy machine, and how they got there is not measured.
import { sql } from 'kysely';
import { newId } from '../../src/ids.ts';
import { adapterFor, migrate, openStore } from '../../src/store/database.ts';

/** Adds a JT/T 808 device per phone under the root unit of the database in `dataDir`; their ids, in order. */
export async function seedDevices(dataDir: string, phones: readonly string[]): Promise<string[]> {
  const ids = phones.map(() => newId());
  const store = openStore(adapterFor({ dataDir }));
  try {
    await migrate(store);
    const root = await sql<{ id: string }>`select id from units where parent_id is null limit 1`.execute(
      store.db,
    );
    const unitId = root.rows[0]?.id;
    if (!unitId) throw new Error('no root unit: start the server once first');
    const now = Date.now();
    await store.db.transaction().execute(async (trx) => {
      for (let i = 0; i < phones.length; i += 500) {
        await trx
          .insertInto('devices')
          .values(
            phones.slice(i, i + 500).map((phone, k) => ({
              id: ids[i + k] as string,
              name: `T${phone}`,
              protocol: 'jt808',
              identifier: phone,
              asset_id: null,
              unit_id: unitId,
              auth_code: null,
              offline_after_s: 300,
              last_seen_at: null,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
      }
    });
    return ids;
  } finally {
    await store.close();
  }
}
