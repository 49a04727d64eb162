import type { Kysely } from 'kysely';
import { parseJson } from '../dialect/json.ts';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Which orders refer to which photos (an event of the order, its report included, lists the
 * attachment id): the index the attachment downloads are scoped by. Filled from the timelines
 * already written; from now on written with each event.
 */
export function attachmentOrders(_d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      // No foreign key to attachments: an event may only name stored photos, and the row must not
      // stand in the way of an import that writes timelines before their uploads.
      await db.schema
        .createTable('attachment_orders')
        .addColumn('attachment_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addPrimaryKeyConstraint('attachment_orders_pk', ['attachment_id', 'order_id'])
        .execute();

      // Keyset pass over the events that carry photos ('[]' is how an event without photos is stored).
      let after: { order_id: string; seq: number } | undefined;
      for (;;) {
        let q = db
          .selectFrom('order_events')
          .select(['order_id', 'seq', 'photos'])
          .where('photos', '!=', '[]')
          .orderBy('order_id')
          .orderBy('seq')
          .limit(1000);
        if (after) {
          const { order_id, seq } = after;
          q = q.where((eb) =>
            eb.or([
              eb('order_id', '>', order_id),
              eb.and([eb('order_id', '=', order_id), eb('seq', '>', seq)]),
            ]),
          );
        }
        const rows: { order_id: string; seq: number; photos: unknown }[] = await q.execute();
        const links = rows.flatMap((r) =>
          (parseJson<string[]>(r.photos) ?? []).map((id) => ({ attachment_id: id, order_id: r.order_id })),
        );
        if (links.length > 0) {
          await db
            .insertInto('attachment_orders')
            .values(links)
            .onConflict((oc) => oc.columns(['attachment_id', 'order_id']).doNothing())
            .execute();
        }
        const last = rows.at(-1);
        if (!last || rows.length < 1000) break;
        after = { order_id: last.order_id, seq: Number(last.seq) };
      }
    },
  };
}
