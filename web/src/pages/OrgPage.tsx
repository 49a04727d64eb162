import { useCallback, useMemo, useState } from 'react';
import type { UnitNode } from '../api/types.ts';
import { createUnit, deleteUnit, fetchUnitTree, type NewUnit, renameUnit } from '../api/units.ts';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice.tsx';
import { useAction } from '../hooks/useAction.ts';
import { useAsync } from '../hooks/useAsync.ts';
import { useI18n } from '../i18n/context.tsx';
import { useSignedIn } from '../session/context.tsx';
import { allUnits, collapsedFrom, sortTree, visibleRows } from './org/tree.ts';
import { UnitCreateForm } from './org/UnitCreateForm.tsx';
import { UnitRow } from './org/UnitRow.tsx';

const NO_UNITS: UnitNode[] = [];

/** The organisation tree in the user's scope; an admin creates, renames and deletes units here. */
export function OrgPage() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const canEdit = user.role === 'admin';
  const tree = useAsync(useCallback((signal: AbortSignal) => fetchUnitTree(signal), []));
  const action = useAction();
  const roots = useMemo(() => sortTree(tree.data ?? NO_UNITS), [tree.data]);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const units = useMemo(() => allUnits(roots), [roots]);
  // Communities and below start collapsed; a click flips a unit from that default.
  const collapsed = useMemo(() => {
    const initial = collapsedFrom(roots, 2);
    return new Set([...units.map((u) => u.id)].filter((id) => initial.has(id) !== toggled.has(id)));
  }, [roots, units, toggled]);
  const rows = visibleRows(roots, collapsed);

  const toggle = (id: string) =>
    setToggled((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const after = async (ok: boolean) => {
    if (ok) tree.reload();
    return ok;
  };
  const create = (input: NewUnit) =>
    action
      .run(
        () => createUnit(input),
        (u) => t('org.created', { name: u.name }),
      )
      .then(after);
  const rename = (node: UnitNode, name: string) =>
    action
      .run(
        () => renameUnit(node.id, name),
        (u) => t('org.renamed', { name: u.name }),
      )
      .then(after);
  const remove = (node: UnitNode) =>
    action
      .run(
        () => deleteUnit(node.id),
        () => t('org.deleted', { name: node.name }),
      )
      .then(after);

  return (
    <div className="page page-org">
      <div className="page-head">
        <h1>{t('org.title')}</h1>
        <span className="muted">{t('org.count', { count: units.length })}</span>
      </div>
      <ErrorNotice error={tree.error ?? action.error} />
      <SuccessNotice text={action.done} />
      <div className="org-layout">
        <ul className="unit-tree card" data-testid="unit-tree">
          {tree.loading && roots.length === 0 && <li>{t('app.loading')}</li>}
          {rows.map(({ node, depth }) => (
            <UnitRow
              key={`${node.id}:${node.name}`}
              node={node}
              depth={depth}
              collapsed={collapsed.has(node.id)}
              canEdit={canEdit}
              busy={action.busy}
              onToggle={toggle}
              onRename={rename}
              onDelete={remove}
            />
          ))}
        </ul>
        {canEdit && <UnitCreateForm units={units} busy={action.busy} onCreate={create} />}
      </div>
    </div>
  );
}
