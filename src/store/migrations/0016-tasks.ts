import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Key tasks (重点工作清单, issue 14 part 4): the tasks with their milestones, their progress notes,
 * the supervision letters (督办) sent on red ones; and the weekly reports issued (量化式报告,
 * part 5), archived unchanged as the JSON they were issued with.
 */
export function tasks(d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('owner_unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('deadline', 'bigint', (c) => c.notNull())
        .addColumn('milestones', d.jsonType, (c) => c.notNull())
        .addColumn('done_at', 'bigint')
        .addColumn('reminded_week', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tasks_owner_unit').on('tasks').column('owner_unit_id').execute();

      await db.schema
        .createTable('task_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('percent', 'double precision')
        .addColumn('photos', d.jsonType, (c) => c.notNull())
        .addColumn('author_user_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('task_notes_task')
        .on('task_notes')
        .columns(['task_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('task_supervisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('by_user_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('task_supervisions_task')
        .on('task_supervisions')
        .column('task_id')
        .execute();

      await db.schema
        .createTable('reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('week', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('issued_at', 'bigint', (c) => c.notNull())
        .addColumn('issued_by', 'text')
        .addColumn('body', d.jsonType, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('reports_unit_week')
        .on('reports')
        .columns(['unit_id', 'kind', 'week'])
        .execute();
    },
  };
}
