import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { fetchLatestPositions } from '../api/fleet.ts';
import { LiveController } from './controller.ts';
import { type LiveSnapshot, LiveStore } from './store.ts';

const LiveContext = createContext<LiveStore | null>(null);

function liveUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/api/live`;
}

/** Runs the one live connection while a user who may see the fleet is signed in. */
export function LiveProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [store] = useState(() => new LiveStore());
  useEffect(() => {
    if (!enabled) return;
    const controller = new LiveController({
      url: liveUrl(),
      createSocket: (url) => new WebSocket(url),
      fetchLatest: () => fetchLatestPositions(),
      onPositions: (positions, fromFeed) => store.addPositions(positions, fromFeed),
      onDeviceStatus: (event) => store.setStatus(event),
      onUnitsChanged: () => store.unitsChanged(),
      onOrdersChanged: () => store.ordersChanged(),
      onAlert: (event) => store.alertChanged(event.change),
      onState: (state) => store.setState(state),
    });
    controller.start();
    return () => controller.stop();
  }, [enabled, store]);
  return <LiveContext.Provider value={store}>{children}</LiveContext.Provider>;
}

/** The live feed's current snapshot (re-renders on every change). */
export function useLive(): LiveSnapshot {
  const store = useContext(LiveContext);
  if (!store) throw new Error('useLive must be used inside <LiveProvider>');
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
