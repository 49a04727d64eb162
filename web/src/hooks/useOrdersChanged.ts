import { useEffect } from 'react';

const EVENT = 'zs:orders-changed';

/** Tells the rest of the console (the notifications bell) that this user just changed or reported an order. */
export function announceOrdersChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** Runs `listener` whenever announceOrdersChanged is called (wrap it in useCallback). */
export function useOrdersChanged(listener: () => void): void {
  useEffect(() => {
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [listener]);
}
