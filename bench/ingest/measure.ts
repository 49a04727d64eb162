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

/**
 * Kernel memory now, bytes, and where it was read: the cgroup's own count when readable (v2
 * `memory.current` less its anonymous and file pages; v1 `memory.kmem.usage_in_bytes`), else
 * the TCP buffers of the whole machine (/proc/net/sockstat `mem`, pages).
 */
export function kernelMemory(): { bytes: number; source: string } {
  const cgroup = readFileSync('/proc/self/cgroup', 'utf8');
  const v2 = /^0::(\S+)$/m.exec(cgroup)?.[1];
  const v1 = /^\d+:memory:(\S+)$/m.exec(cgroup)?.[1];
  const tryRead = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  for (const dir of v2 ? [`/sys/fs/cgroup${v2}`, '/sys/fs/cgroup'] : []) {
    const current = tryRead(`${dir}/memory.current`);
    const stat = tryRead(`${dir}/memory.stat`);
    if (current && stat) {
      const field = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(stat)?.[1] ?? 0);
      return {
        bytes: Number(current) - field('anon') - field('file'),
        source: `cgroup v2 ${dir}/memory.current less anon and file`,
      };
    }
  }
  for (const dir of v1 ? [`/sys/fs/cgroup/memory${v1}`, '/sys/fs/cgroup/memory'] : []) {
    const kmem = tryRead(`${dir}/memory.kmem.usage_in_bytes`);
    if (kmem) return { bytes: Number(kmem), source: `cgroup v1 ${dir}/memory.kmem.usage_in_bytes` };
  }
  return { bytes: tcpBufferMemory(), source: '/proc/net/sockstat TCP mem pages × 4096' };
}

/** TCP buffer memory of the whole machine, bytes (/proc/net/sockstat `mem`, pages of 4 KiB). */
export function tcpBufferMemory(): number {
  return Number(/^TCP:.* mem (\d+)/m.exec(readFileSync('/proc/net/sockstat', 'utf8'))?.[1] ?? 0) * 4096;
}

/** Now on the machine's clock, ms with sub-millisecond resolution, comparable between processes. */
export const clock = () => performance.timeOrigin + performance.now();
