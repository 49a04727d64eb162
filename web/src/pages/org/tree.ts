import { UNIT_KINDS, type UnitKind, type UnitNode } from '../../api/types.ts';

/** Kinds in the order siblings are listed (the server's): the grid tree, then departments and contractors. */
const KIND_ORDER: readonly UnitKind[] = UNIT_KINDS;

/** The tree with every level ordered by kind, then code (the national grid code sorts geographically). */
export function sortTree(nodes: readonly UnitNode[]): UnitNode[] {
  return [...nodes]
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.code.localeCompare(b.code))
    .map((node) => ({ ...node, children: sortTree(node.children) }));
}

/** A unit in the tree's display order with its depth. */
export interface TreeRow {
  node: UnitNode;
  depth: number;
}

/** Depth-first rows of the tree, skipping the children of collapsed units. */
export function visibleRows(roots: readonly UnitNode[], collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (nodes: readonly UnitNode[], depth: number) => {
    for (const node of nodes) {
      rows.push({ node, depth });
      if (!collapsed.has(node.id)) walk(node.children, depth + 1);
    }
  };
  walk(roots, 0);
  return rows;
}

/** Every unit of the tree, depth first. */
export function allUnits(roots: readonly UnitNode[]): UnitNode[] {
  return visibleRows(roots, new Set()).map((r) => r.node);
}

/** Ids of units at `depth` or deeper that have children: collapsed at first so big trees stay readable. */
export function collapsedFrom(roots: readonly UnitNode[], depth: number): Set<string> {
  return new Set(
    visibleRows(roots, new Set())
      .filter((r) => r.depth >= depth && r.node.children.length > 0)
      .map((r) => r.node.id),
  );
}
