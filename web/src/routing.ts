import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function current(): string {
  return window.location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';
}

/**
 * The page named in the URL hash (`#/map`). Hash routes need no server fallback: the API serves
 * the console's files as they are.
 */
export function useHashRoute(): [string, (page: string) => void] {
  const route = useSyncExternalStore(subscribe, current);
  const navigate = useCallback((page: string) => {
    window.location.hash = `#/${page}`;
  }, []);
  return [route, navigate];
}
