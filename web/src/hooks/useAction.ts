import { useCallback, useState } from 'react';

export interface ActionState {
  busy: boolean;
  error: unknown;
  done: string | null;
  /** Runs a change; on success shows `doneText(result)`, on failure keeps the error to show. Resolves true on success. */
  run<T>(change: () => Promise<T>, doneText: (result: T) => string): Promise<boolean>;
  clear(): void;
}

/** State for a page's changes (create, rename, delete…): busy flag, last error, last confirmation. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = useCallback(async <T>(change: () => Promise<T>, doneText: (result: T) => string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(doneText(await change()));
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const clear = useCallback(() => {
    setError(null);
    setDone(null);
  }, []);

  return { busy, error, done, run, clear };
}
