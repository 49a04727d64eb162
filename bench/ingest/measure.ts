// Measurements read from /proc (Linux), and the figure line every benchmark ends with.
import { readFileSync } from 'node:fs';

/** Resident set size of a process, bytes. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** CPU time a process has used so far (user + system), seconds. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}

/** Waits until a process's RSS stops growing (within 1% over 500 ms), at most `maxMs`; returns it. */
export async function settledRss(pid: number, maxMs = 5000): Promise<number> {
  const deadline = Date.now() + maxMs;
  let last = rssOf(pid);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = rssOf(pid);
    if (Math.abs(now - last) <= last * 0.01 || Date.now() > deadline) return now;
    last = now;
  }
}

/** `NAME: VALUE UNIT; raw limit LIMIT UNIT; ratio R`, the line STACK.md asks every figure to end with. */
export function figure(name: string, value: number, limit: number, unit: string, ratio: number): string {
  const fmt = (n: number) => (n >= 100 ? String(Math.round(n)) : n.toFixed(2));
  return `${name}: ${fmt(value)} ${unit}; raw limit ${fmt(limit)} ${unit}; ratio ${ratio.toFixed(3)}`;
}
