import { useCallback, useMemo, useSyncExternalStore } from 'react';

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

function currentHash(): string {
  return window.location.hash;
}

/** Every segment of the hash route (`#/orders/abc` → `['orders', 'abc']`), for pages with sub-views. */
export function useHashPath(): string[] {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return useMemo(
    () =>
      hash
        .replace(/^#\/?/, '')
        .split('/')
        .filter((s) => s !== '')
        .map((s) => decodeURIComponent(s)),
    [hash],
  );
}

/** Opens a hash route given as segments (`['orders', id]` → `#/orders/<id>`). */
export function navigateTo(...segments: string[]): void {
  window.location.hash = `#/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
}
