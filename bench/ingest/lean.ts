// The parent's side of the lean load generator (lean-load.ts): forks it, connects its terminals,
// starts and stops the flood and reads its counters and CPU.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { LeanLoadOptions, LeanMark } from './lean-load.ts';

/** A connected generator child. */
export interface LeanLoad {
  pid: number;
  /** Terminals connected and authenticated. */
  terminals: number;
  start(): void;
  mark(): Promise<LeanMark>;
  /** Stops sending, waits for what is in flight, ends the child; the final counters. */
  stop(): Promise<LeanMark>;
  kill(): void;
}

/** Sends `message` to a child and resolves with its next reply; a reply `{ error }` or its exit rejects. */
export function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`lean load generator exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (reply: T & { error?: string }) => {
      child.off('exit', onExit);
      if (reply.error) reject(new Error(`lean load generator: ${reply.error}`));
      else resolve(reply);
    });
    child.send(message as object);
  });
}

/** Forks a benchmark child script of this folder, through tsx. */
export function forkChild(script: string, flags: string[] = []): ChildProcess {
  return fork(path.join(import.meta.dirname, script), [], {
    execArgv: [...flags, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Forks the generator and connects `opts.phones` terminals (register, authenticate). */
export async function startLeanLoad(opts: LeanLoadOptions): Promise<LeanLoad> {
  const child = forkChild('lean-load.ts');
  try {
    const ready = await ask<LeanMark & { ready: number }>(child, { connect: opts });
    return {
      pid: child.pid ?? 0,
      terminals: ready.ready,
      start: () => child.send('start'),
      mark: () => ask<LeanMark>(child, 'mark'),
      stop: () => ask<LeanMark>(child, 'stop'),
      kill: () => child.kill('SIGKILL'),
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
