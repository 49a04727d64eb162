// Memory per idle device connection: the RSS a server process gains holding `count` silent
// connections, divided by `count`.

import { settledRss } from './measure.ts';
import { closeSockets, openSockets } from './raw.ts';

/** Bytes of server RSS per idle connection, with the totals it came from. */
export interface IdleMemory {
  perConnection: number;
  before: number;
  after: number;
}

/** Opens `count` connections to the server `pid` listening on `port`, measures, closes them. */
export async function idleMemory(pid: number, port: number, count: number): Promise<IdleMemory> {
  const before = await settledRss(pid);
  const sockets = await openSockets(port, count);
  const after = await settledRss(pid);
  await closeSockets(sockets);
  return { perConnection: (after - before) / count, before, after };
}
