// Writes the generated fixes straight into a SQLite file: one prepared multi-row insert, big
// transactions without a journal (a benchmark's data: a crash means generating again), time-major
// as the gateway writes them, so a device's day lies scattered over the file as in production.
import SQLite from 'better-sqlite3';
import { FIXES_A_DAY, fixOf, type GeneratedFix } from './fixes.ts';
import type { World } from './world.ts';

const ROWS_A_STATEMENT = 100;

export function fillSqlite(file: string, world: World, progress: (done: number) => void): void {
  const db = new SQLite(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const one = '(?, ?, ?, ?, ?, ?, ?, 0, 1, 0, NULL)';
  const insert = db.prepare(
    `insert into positions (device_id, time, server_time, lat, lon, speed, course, altitude, valid, flags, attributes) values ${Array(ROWS_A_STATEMENT).fill(one).join(', ')}`,
  );
  const params: (string | number)[] = new Array(ROWS_A_STATEMENT * 7);
  const fix: GeneratedFix = { time: 0, lat: 0, lon: 0, speed: 0, course: 0 };
  const boats = world.boats.length;
  let n = 0;
  let done = 0;
  const put = (deviceId: string) => {
    const k = n * 7;
    params[k] = deviceId;
    params[k + 1] = fix.time;
    params[k + 2] = fix.time + 1000;
    params[k + 3] = fix.lat;
    params[k + 4] = fix.lon;
    params[k + 5] = fix.speed;
    params[k + 6] = fix.course;
    if (++n === ROWS_A_STATEMENT) {
      insert.run(params);
      n = 0;
    }
  };
  const single = db.prepare(
    'insert into positions (device_id, time, server_time, lat, lon, speed, course, altitude, valid, flags, attributes) values (?, ?, ?, ?, ?, ?, ?, 0, 1, 0, NULL)',
  );
  for (let d = 0; d < world.days; d++) {
    db.transaction(() => {
      for (let i = 0; i < FIXES_A_DAY; i++) {
        for (let b = 0; b < boats; b++) {
          fixOf(b, d, i, fix);
          put(world.boats[b]?.deviceId as string);
        }
      }
      // The day's remainder, a row at a time.
      for (let k = 0; k < n; k++) single.run(params.slice(k * 7, k * 7 + 7));
      n = 0;
    })();
    done += FIXES_A_DAY * boats;
    progress(done);
  }
  db.pragma('journal_mode = WAL');
  db.close();
}
