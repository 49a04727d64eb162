import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Role, Unit } from '../../api/types.ts';
import { fetchUnits, locateUnits } from '../../api/units.ts';
import { fetchUsers } from '../../api/users.ts';
import { useSignedIn } from '../../session/context.tsx';

/** Roles that may read /api/units and /api/users (src/domain/auth/roles.ts, the users route). */
const UNIT_READERS: readonly Role[] = [
  'admin',
  'operator',
  'leader',
  'workstation',
  'community',
  'gridWorker',
  'department',
];
const USER_READERS: readonly Role[] = ['admin', 'operator', 'leader', 'workstation', 'community'];

/** Where an order lies: enough to ask /api/units/locate for the units around it. */
export interface Located {
  lat: number;
  lon: number;
  gridId: string | null;
  /** The units the page wants to name; the order is located only when one of them is unknown. */
  unitIds: readonly (string | null)[];
}

/** Names for the ids orders carry, as far as the signed-in user may read them. */
export interface Directory {
  /** Units in the user's scope (for the dispatch and sub-task pickers). */
  units: readonly Unit[];
  unitName(id: string | null | undefined): string | undefined;
  userName(id: string | null | undefined): string | undefined;
  /**
   * Learns the names of the units around these orders (grid, community, workstation, subdistrict),
   * which may lie outside the user's scope: a department sees who dispatched to it.
   */
  cover(orders: readonly Located[]): void;
}

export const DirectoryContext = createContext<Directory | null>(null);

/** The directory of the orders page. */
export function useDirectoryContext(): Directory {
  const value = useContext(DirectoryContext);
  if (!value) throw new Error('useDirectoryContext must be used inside the orders page');
  return value;
}

/** Loads the unit and user names the orders page shows instead of ids. */
export function useDirectory(): Directory {
  const { user, unit } = useSignedIn();
  const [units, setUnits] = useState<Unit[]>([]);
  const [unitNames, setUnitNames] = useState<ReadonlyMap<string, string>>(
    () => new Map([[unit.id, unit.name]]),
  );
  const [userNames, setUserNames] = useState<ReadonlyMap<string, string>>(
    () => new Map([[user.id, user.displayName]]),
  );
  // Units in scope load first, so that orders are located only for names still missing after them.
  const [ready, setReady] = useState(!UNIT_READERS.includes(user.role));
  const located = useRef(new Set<string>());
  const knownUnits = useRef(unitNames);

  const learnUnits = useCallback((list: readonly Unit[]) => {
    setUnitNames((known) => {
      const next = new Map(known);
      for (const u of list) next.set(u.id, u.name);
      knownUnits.current = next;
      return next;
    });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    if (UNIT_READERS.includes(user.role)) {
      fetchUnits(controller.signal, false)
        .then((list) => {
          setUnits(list);
          learnUnits(list);
        }, ignore)
        .finally(() => !controller.signal.aborted && setReady(true));
    }
    if (USER_READERS.includes(user.role)) {
      fetchUsers(controller.signal).then((list) => {
        setUserNames((known) => new Map([...known, ...list.map((u) => [u.id, u.displayName] as const)]));
      }, ignore);
    }
    return () => controller.abort();
  }, [user.role, learnUnits]);

  const cover = useCallback(
    (orders: readonly Located[]) => {
      if (!ready) return;
      for (const o of orders) {
        if (o.unitIds.every((id) => id === null || knownUnits.current.has(id))) continue;
        const key = o.gridId ?? `${o.lat},${o.lon}`;
        if (located.current.has(key)) continue;
        located.current.add(key);
        locateUnits(o.lat, o.lon).then((chain) => {
          const found = [chain.grid, chain.community, chain.gridArea, chain.subdistrict];
          learnUnits(chain.workstation ? [...found, chain.workstation] : found);
        }, ignore);
      }
    },
    [learnUnits, ready],
  );

  return useMemo(
    () => ({
      units,
      unitName: (id) => (id ? unitNames.get(id) : undefined),
      userName: (id) => (id ? userNames.get(id) : undefined),
      cover,
    }),
    [units, unitNames, userNames, cover],
  );
}

// A name that cannot be read is shown as "another unit"; nothing to report to the user.
function ignore(): void {}
