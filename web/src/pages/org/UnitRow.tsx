import { type CSSProperties, useState } from 'react';
import type { UnitNode } from '../../api/types.ts';
import { useI18n } from '../../i18n/context.tsx';

export interface UnitRowProps {
  node: UnitNode;
  depth: number;
  collapsed: boolean;
  canEdit: boolean;
  busy: boolean;
  onToggle(id: string): void;
  onRename(node: UnitNode, name: string): Promise<boolean>;
  onDelete(node: UnitNode): Promise<boolean>;
}

/** One unit of the tree: kind, name, code; for an admin, rename in place and delete with a confirmation. */
export function UnitRow({
  node,
  depth,
  collapsed,
  canEdit,
  busy,
  onToggle,
  onRename,
  onDelete,
}: UnitRowProps) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'view' | 'rename' | 'confirmDelete'>('view');
  const [name, setName] = useState(node.name);
  const hasChildren = node.children.length > 0;

  return (
    <li
      className={`unit-row kind-${node.kind}`}
      data-testid="unit-row"
      data-unit-id={node.id}
      style={{ '--depth': depth } as CSSProperties}
    >
      <span className="unit-indent" style={{ width: depth * 20 }} />
      <button
        type="button"
        className="unit-toggle"
        disabled={!hasChildren}
        aria-label={collapsed ? '+' : '−'}
        onClick={() => onToggle(node.id)}
      >
        {hasChildren ? (collapsed ? '▸' : '▾') : '·'}
      </button>
      <span className={`kind-badge kind-${node.kind}`}>{t(`kind.${node.kind}`)}</span>
      {mode === 'rename' ? (
        <form
          className="inline-form"
          onSubmit={async (event) => {
            event.preventDefault();
            if (await onRename(node, name.trim())) setMode('view');
          }}
        >
          <input aria-label={t('org.name')} value={name} onChange={(e) => setName(e.target.value)} required />
          <button type="submit" className="btn btn-small" disabled={busy}>
            {t('common.save')}
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setMode('view')}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <>
          <span className="unit-name">{node.name}</span>
          <code className="unit-code">{node.code}</code>
        </>
      )}
      {canEdit && mode === 'view' && (
        <span className="row-actions">
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setMode('rename')}>
            {t('org.rename')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-danger-ghost"
            onClick={() => setMode('confirmDelete')}
          >
            {t('org.delete')}
          </button>
        </span>
      )}
      {mode === 'confirmDelete' && (
        <span className="row-actions confirm">
          {t('org.confirmDelete', { name: node.name })}
          <button
            type="button"
            className="btn btn-small btn-danger"
            disabled={busy}
            onClick={async () => {
              if (!(await onDelete(node))) setMode('view');
            }}
          >
            {t('org.delete')}
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setMode('view')}>
            {t('common.cancel')}
          </button>
        </span>
      )}
    </li>
  );
}
