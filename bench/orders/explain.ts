// `--explain`: the database's plan for the list page's two queries (the page and its total), as
// the repository builds them, for the operator (every order) and a workstation (one grid area).
import { CompiledQuery, createQueryId, type RootOperationNode } from 'kysely';
import type { OrderVisibility } from '../../src/domain/auth/scope.ts';
import type { Db } from '../../src/store/database.ts';
import type { DialectKind } from '../../src/store/dialect/types.ts';
import { countOrders, listOrders } from '../../src/store/order-list.repository.ts';

/** The plans, as lines to print: EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL. */
export async function explainListPage(
  db: Db,
  kind: DialectKind,
  categoryId: string,
  workstationPath: string,
): Promise<string[]> {
  const scopes: [string, OrderVisibility][] = [
    ['operator', { kind: 'all' }],
    ['workstation', { kind: 'units', unitPath: workstationPath, userId: 'bench-explain' }],
  ];
  const lines: string[] = [];
  for (const [who, visibility] of scopes) {
    // A plugin sees each query's tree on its way out: compile it again and ask for its plan.
    const nodes: RootOperationNode[] = [];
    const spy = db.withPlugin({
      transformQuery: ({ node }) => {
        nodes.push(node);
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    const filter = { visibility, now: Date.now(), statuses: ['dispatched'], categoryIds: [categoryId] };
    await listOrders(spy, filter, { sort: 'createdAt', descending: true, limit: 50 });
    await countOrders(spy, filter);
    // The orders queries only: a scope's unit ids may be read first (when not cached).
    const queries = nodes
      .map((node) => db.getExecutor().compileQuery(node, createQueryId()))
      .filter((q) => q.sql.includes('from "orders"'));
    for (const [i, q] of queries.entries()) {
      const explain = kind === 'postgres' ? 'explain analyze' : 'explain query plan';
      const plan = await db.executeQuery(CompiledQuery.raw(`${explain} ${q.sql}`, [...q.parameters]));
      lines.push(`${who}, ${i === 0 ? 'page' : 'total'}: ${q.sql}`);
      for (const row of plan.rows as Record<string, unknown>[]) {
        lines.push(`  ${String(kind === 'postgres' ? Object.values(row)[0] : row.detail)}`);
      }
    }
  }
  return lines;
}
