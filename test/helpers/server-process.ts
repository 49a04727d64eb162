import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

/** A free TCP port on 127.0.0.1 (bound, read, released). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/**
 * Node's flags for the server, as `npm start` (package.json) passes them: a young generation of
 * up to 64 MB, so that a position (and its frame, session work and ack) which waits 10–20 ms for
 * its group commit dies young instead of being copied and promoted by the scavenges meanwhile
 * (bench:ingest: 10–20 % less server CPU a position).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

/** The real server (src/main.ts) as a child process, as `npm start` runs it; `preload`: modules to --import first. */
export async function startServer(env: Record<string, string>, timeoutMs = 60_000, preload: string[] = []) {
  const child: ChildProcess = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...preload.flatMap((m) => ['--import', m]), '--import', 'tsx', 'src/main.ts'],
    {
      env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    child,
    exited,
    output: () => output,
    async login(username: string, password: string): Promise<Record<string, string>> {
      const res = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
    },
  };
}
