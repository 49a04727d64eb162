// Writes the generated fixes into PostgreSQL without a COPY library: each day is staged as a CSV
// file under the data folder and loaded by the server's own `COPY … FROM '<file>'` (the test
// server runs on this machine as a superuser), the next day's file written while the server loads
// the last one. The primary key is dropped first and built once at the end.
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { FIXES_A_DAY, fixOf, type GeneratedFix } from './fixes.ts';
import type { World } from './world.ts';

const COLUMNS = 'device_id, time, server_time, lat, lon, speed, course, altitude, valid, flags';

/** Writes one day's fixes as CSV to `file` (attributes left out: NULL, as the ingest stores none). */
function writeDayCsv(file: string, world: World, d: number): void {
  const fix: GeneratedFix = { time: 0, lat: 0, lon: 0, speed: 0, course: 0 };
  const fd = openSync(file, 'w', 0o644);
  try {
    let text = '';
    for (let i = 0; i < FIXES_A_DAY; i++) {
      for (let b = 0; b < world.boats.length; b++) {
        fixOf(b, d, i, fix);
        text += `${world.boats[b]?.deviceId},${fix.time},${fix.time + 1000},${fix.lat},${fix.lon},${fix.speed},${fix.course},0,1,0\n`;
      }
      if (text.length > 1 << 20) {
        writeSync(fd, text);
        text = '';
      }
    }
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

export async function fillPostgres(
  url: string,
  dir: string,
  world: World,
  progress: (done: number) => void,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const staging = path.join(dir, 'staging');
  mkdirSync(staging, { recursive: true });
  try {
    await client.query('set synchronous_commit = off');
    await client.query('alter table positions drop constraint positions_pk');
    let loading: Promise<unknown> = Promise.resolve();
    let done = 0;
    for (let d = 0; d < world.days; d++) {
      const file = path.join(staging, `day-${d}.csv`);
      writeDayCsv(file, world, d);
      await loading;
      loading = client.query(`copy positions (${COLUMNS}) from '${file}' with (format csv)`).then(() => {
        rmSync(file, { force: true });
        done += FIXES_A_DAY * world.boats.length;
        progress(done);
      });
    }
    await loading;
    await client.query('alter table positions add constraint positions_pk primary key (device_id, time)');
    await client.query('analyze positions');
  } finally {
    await client.end();
    rmSync(staging, { recursive: true, force: true });
  }
}
