import { useCallback, useEffect, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again, keeping the current data on screen meanwhile. */
  reload(): void;
}

/**
 * Runs `load` on mount and whenever it changes (wrap it in useCallback with its inputs), aborting
 * the previous run. Errors are kept as thrown (ApiError carries the server's code and message).
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>): AsyncState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });

  const run = useCallback(
    (signal: AbortSignal) => {
      setState((s) => ({ ...s, loading: true }));
      load(signal).then(
        (data) => {
          if (!signal.aborted) setState({ data, error: null, loading: false });
        },
        (error: unknown) => {
          if (!signal.aborted) setState((s) => ({ ...s, error, loading: false }));
        },
      );
    },
    [load],
  );

  useEffect(() => {
    const controller = new AbortController();
    run(controller.signal);
    return () => controller.abort();
  }, [run]);

  const reload = useCallback(() => run(new AbortController().signal), [run]);
  return { ...state, reload };
}
