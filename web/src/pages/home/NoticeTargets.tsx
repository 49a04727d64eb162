import { useCallback } from 'react';
import type { Unit } from '../../api/types.ts';
import { fetchUnits } from '../../api/units.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/context.tsx';

/** Whom a notice is for: communities and grids, by id. */
export interface NoticePlaces {
  communityIds: string[];
  gridIds: string[];
}

export interface NoticeTargetsProps {
  value: NoticePlaces;
  onChange(next: NoticePlaces): void;
}

const toggle = (ids: string[], id: string, on: boolean) =>
  on ? [...new Set([...ids, id])] : ids.filter((x) => x !== id);

/**
 * The communities of the author's scope, each with its grids, to tick: a workstation picks among
 * its grid area's communities, a community among itself and its grids. The server checks the scope.
 */
export function NoticeTargets({ value, onChange }: NoticeTargetsProps) {
  const { t } = useI18n();
  const units = useAsync(useCallback((signal: AbortSignal) => fetchUnits(signal, false), []));
  const all: Unit[] = units.data ?? [];
  const communities = all.filter((u) => u.kind === 'community');
  const gridsOf = (communityId: string) => all.filter((u) => u.kind === 'grid' && u.parentId === communityId);
  return (
    <fieldset className="notice-targets" data-testid="notice-targets" aria-busy={units.data === undefined}>
      <legend>{t('notice.targets')}</legend>
      <ErrorNotice error={units.error} />
      {communities.map((c) => {
        const grids = gridsOf(c.id);
        const chosenGrids = grids.filter((g) => value.gridIds.includes(g.id)).length;
        return (
          <div key={c.id} className="notice-target" data-testid="notice-community" data-unit-id={c.id}>
            <label className="check">
              <input
                type="checkbox"
                name="communityIds"
                value={c.id}
                checked={value.communityIds.includes(c.id)}
                onChange={(e) =>
                  onChange({ ...value, communityIds: toggle(value.communityIds, c.id, e.target.checked) })
                }
              />
              {c.name}
            </label>
            {grids.length > 0 && (
              <details>
                <summary>{t('notice.grids', { count: grids.length, chosen: chosenGrids })}</summary>
                {grids.map((g) => (
                  <label key={g.id} className="check" data-testid="notice-grid" data-unit-id={g.id}>
                    <input
                      type="checkbox"
                      name="gridIds"
                      value={g.id}
                      checked={value.gridIds.includes(g.id)}
                      onChange={(e) =>
                        onChange({ ...value, gridIds: toggle(value.gridIds, g.id, e.target.checked) })
                      }
                    />
                    {g.name}
                  </label>
                ))}
              </details>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
