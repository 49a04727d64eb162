import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { STAFF_ROLES } from '../../../../src/domain/auth/roles.ts';
import type { Unit } from '../../api/types.ts';
import { fetchUnits } from '../../api/units.ts';
import { useSignedIn } from '../../session/context.tsx';

/**
 * The units the signed-in user may pick (to dispatch, add a sub-task, escalate). Names shown on
 * orders come with the orders themselves (the API names every unit and person they mention).
 */
export interface Directory {
  units: readonly Unit[];
}

export const DirectoryContext = createContext<Directory | null>(null);

/** The directory of the orders page. */
export function useDirectoryContext(): Directory {
  const value = useContext(DirectoryContext);
  if (!value) throw new Error('useDirectoryContext must be used inside the orders page');
  return value;
}

/** Loads the units in the user's scope for the pickers of the orders page. */
export function useDirectory(): Directory {
  const { user } = useSignedIn();
  const [units, setUnits] = useState<Unit[]>([]);

  useEffect(() => {
    // Only staff may read /api/units.
    if (!STAFF_ROLES.includes(user.role)) return;
    const controller = new AbortController();
    fetchUnits(controller.signal, false).then(setUnits, ignore);
    return () => controller.abort();
  }, [user.role]);

  return useMemo(() => ({ units }), [units]);
}

// Without the list the pickers are empty; the API still refuses any unit out of scope.
function ignore(): void {}
