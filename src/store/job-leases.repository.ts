import type { Db } from './database.ts';

/**
 * Takes or renews the lease on a job until `expiresAt`, in one statement: insert the lease, or
 * take over the existing row only if this holder already has it or it has expired. On
 * PostgreSQL a concurrent taker waits for the first one's row and then re-checks the condition
 * on what it committed; SQLite has a single writer. Either way one holder gets it. True when
 * `holder` holds the lease afterwards.
 */
export async function takeLease(
  db: Db,
  name: string,
  holder: string,
  now: number,
  expiresAt: number,
): Promise<boolean> {
  const row = await db
    .insertInto('job_leases')
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, expires_at: expiresAt })
        .where((eb) => eb.or([eb('job_leases.holder', '=', holder), eb('job_leases.expires_at', '<=', now)])),
    )
    // An update that the condition skipped returns no row: someone else holds a live lease.
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
}

/** Gives the lease up at once (on shutdown), so that another process takes over on its next tick. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ expires_at: 0 })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}

/** The current holder and expiry of a lease, or undefined if it was never taken. */
export async function findLease(
  db: Db,
  name: string,
): Promise<{ holder: string; expiresAt: number } | undefined> {
  const row = await db.selectFrom('job_leases').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? { holder: row.holder, expiresAt: row.expires_at } : undefined;
}
