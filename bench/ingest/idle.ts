// Memory per idle device connection: the RSS a server process gains holding `count` silent
// connections, divided by `count`. The connections are held by child processes (idle-holder.ts),
// at most 10,000 each, so that only the server needs a file descriptor for each of them.

import { type ChildProcess, fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { settledRss } from './measure.ts';

/** Connections one holder process keeps open. */
const PER_HOLDER = 10_000;

/** Bytes of server RSS per idle connection, with the totals it came from. */
export interface IdleMemory {
  perConnection: number;
  /** Server RSS before the connections and while holding all of them, bytes. */
  before: number;
  after: number;
  /** File descriptors the server had open before, and while holding the connections. */
  fdsBefore: number;
  fdsAfter: number;
}

/** Files a process has open now. */
export function openFilesOf(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

/** A process's soft limit on open files ("Max open files" in /proc/PID/limits). */
export function fileLimitOf(pid: number): number {
  const limits = readFileSync(`/proc/${pid}/limits`, 'utf8');
  const soft = /^Max open files\s+(\S+)/m.exec(limits)?.[1];
  if (!soft) throw new Error(`no "Max open files" in /proc/${pid}/limits`);
  return soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
}

/** Throws, naming the largest count that fits, if process `pid` cannot accept `count` more connections. */
export function checkIdleFits(pid: number, count: number, what: string): void {
  const open = openFilesOf(pid);
  const limit = fileLimitOf(pid);
  if (open + count > limit) {
    throw new Error(
      `--idle ${count} does not fit: the ${what} (pid ${pid}) has ${open} files open and a limit of ` +
        `${limit} ("Max open files" in /proc/${pid}/limits), so the largest --idle it can hold is ${limit - open}`,
    );
  }
}

/** A holder child and a way to ask it something; a reply `{ error }` or its exit rejects. */
interface Holder {
  child: ChildProcess;
  ask<T>(message: unknown): Promise<T>;
}

function startHolder(): Holder {
  const child = fork(path.join(import.meta.dirname, 'idle-holder.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    child,
    ask: <T>(message: unknown) =>
      new Promise<T>((resolve, reject) => {
        const onExit = (code: number | null, signal: string | null) => {
          child.off('message', onMessage);
          reject(new Error(`idle holder ${child.pid} exited (${signal ?? code}) before answering`));
        };
        const onMessage = (reply: unknown) => {
          child.off('exit', onExit);
          const error = (reply as { error?: string }).error;
          if (error) reject(new Error(`idle holder ${child.pid}: ${error}`));
          else resolve(reply as T);
        };
        child.once('message', onMessage);
        child.once('exit', onExit);
        child.send(message as object);
      }),
  };
}

/** Opens `count` connections to the server `pid` listening on `port`, measures, closes them. */
export async function idleMemory(
  pid: number,
  port: number,
  count: number,
  what = 'server',
): Promise<IdleMemory> {
  checkIdleFits(pid, count, what);
  const before = await settledRss(pid);
  const fdsBefore = openFilesOf(pid);
  const holders: Holder[] = [];
  try {
    // Split evenly: 19,900 → 9,950 + 9,950.
    const n = Math.ceil(count / PER_HOLDER);
    for (let i = 0; i < n; i++) {
      const share = Math.floor(count / n) + (i < count % n ? 1 : 0);
      const holder = startHolder();
      holders.push(holder);
      // One holder after the other, so that their waves do not overflow the accept queue together.
      await holder.ask<{ connected: number }>({ port, count: share });
    }
    const after = await settledRss(pid);
    const fdsAfter = openFilesOf(pid);
    // The measurement counts only if the server still held every connection (no idle timeout, no
    // connection refused for want of descriptors): a holder sees each close from the server.
    const status = await Promise.all(
      holders.map((h) => h.ask<{ open: number; closedByPeer: number }>('status')),
    );
    const closed = status.reduce((sum, s) => sum + s.closedByPeer, 0);
    if (closed > 0)
      throw new Error(`the ${what} closed ${closed} of ${count} idle connections during the measurement`);
    await Promise.all(holders.map((h) => h.ask<{ closed: true }>('close')));
    await Promise.all(
      holders.map(({ child }) =>
        child.exitCode !== null || child.signalCode !== null
          ? undefined
          : new Promise((resolve) => child.once('exit', resolve)),
      ),
    );
    return { perConnection: (after - before) / count, before, after, fdsBefore, fdsAfter };
  } finally {
    for (const h of holders)
      if (h.child.exitCode === null && h.child.signalCode === null) h.child.kill('SIGKILL');
  }
}
