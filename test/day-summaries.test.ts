import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Fix } from '../src/domain/positions/fix.ts';
import { fleetWeek } from '../src/domain/reports/fleet.ts';
import { recomputeMarkedDays } from '../src/services/summaries/index.ts';
import { type Device, findDevice } from '../src/store/devices.repository.ts';
import { useTestApp } from './helpers/app.ts';
import { useFleetWorld } from './helpers/crews.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { bj, sessions } from './helpers/orders.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;
/** Haversine length of 0.001° of longitude along 31.3° N (R = 6 371 008.8 m): 2R·asin(cos φ · sin(Δλ/2)). */
const LEG_M =
  2 * 6_371_008.8 * Math.asin(Math.cos((31.3 * Math.PI) / 180) * Math.sin((0.001 * Math.PI) / 180 / 2));

/** Fixes one a minute from `start` (epoch ms), at these longitudes on 31.3° N. */
function fixesAt(start: number, lons: readonly number[]): Fix[] {
  return lons.map((lon, i) => ({
    time: start + i * MIN,
    lat: 31.3,
    lon: Math.round(lon * 1e6) / 1e6,
    speedKmh: 5,
    course: 90,
    altitude: 0,
    valid: true,
    attributes: {},
  }));
}
const still = (lon: number, n: number) => Array.from({ length: n }, () => lon);
const east = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + 0.001 * (k + 1));
const west = (from: number, n: number) => Array.from({ length: n }, (_, k) => from - 0.001 * (k + 1));

forEachDialect('daily summaries', (kind) => {
  const t = useTestApp(kind);
  const w = useFleetWorld(t);
  const as = sessions(t);
  const devices: Record<string, Device> = {};
  const other: Record<'a1' | 'b1', string> = { a1: '', b1: '' };

  const get = async (user: string, url: string, status = 200) => {
    const res = await t.app.inject({ url, headers: await as(user) });
    assert.equal(res.statusCode, status, `${url}: ${res.body}`);
    return res.json();
  };
  const post = async (user: string, url: string, payload: object, method: 'POST' | 'PUT' = 'POST') => {
    const res = await t.app.inject({ method, url, headers: await as(user), payload });
    assert.ok(res.statusCode === 200 || res.statusCode === 201, `${url}: ${res.body}`);
    return res.json();
  };
  const ctx = () => t.app.platform.ctx;

  before(async () => {
    t.clock.t = bj('2026-03-02 06:00');
    // The contractor's boats work Monday to Friday, 06:30–17:30.
    const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '06:30', end: '17:30' }));
    await post('admin', `/api/units/${w.contractor}/shifts`, { weekly }, 'PUT');
    for (const [key, boat] of Object.entries(w.boats)) {
      const dev = await post('admin', '/api/devices', {
        name: `sum-${key}`,
        protocol: 'osmand',
        identifier: `sum-${key}`,
        assetId: boat,
      });
      devices[key] = (await findDevice(t.store.db, dev.id)) as Device;
    }
    // Boats of two communities, for scope.
    for (const key of ['a1', 'b1'] as const) {
      other[key] = (
        await post('admin', '/api/assets', {
          kind: 'boat',
          code: `SUM-${key}`,
          name: `社区船${key}`,
          unitId: t.org[key].id,
        })
      ).id;
    }
    // b1's Monday 2 March: crew1 clocks in at the dock at 07:00 and out at 17:00.
    t.clock.t = bj('2026-03-02 07:00');
    await post('crew1', '/api/duty/clock-in', { lat: 31.3, lon: 120.9 });
    const ingest = (key: string, fixes: Fix[], blind = false) =>
      t.app.platform.ingest.ingest(devices[key] as Device, fixes, { protocol: 'osmand', blind });
    t.clock.t = bj('2026-03-02 10:31');
    // 07:00–07:30 moored at the dock; 07:31–07:50 east along the whole river (20 legs of 0.001°);
    // 07:51–07:55 a 5-minute stop at its eastern end; 07:56–08:15 back west to the dock; moored to
    // 09:00; no fix 09:00–10:00 (a gap: no data); moored again 10:00–10:30.
    const day = [
      ...still(120.9, 31),
      ...east(120.9, 20),
      ...still(120.92, 5),
      ...west(120.92, 20),
      ...still(120.9, 45),
    ];
    await ingest('b1', fixesAt(bj('2026-03-02 07:00'), day));
    await ingest('b1', fixesAt(bj('2026-03-02 10:00'), still(120.9, 31)));
    // b2 reports once, at 08:50, mid-river (1.425 km along it): its duty is derived from the shift.
    await ingest('b2', fixesAt(bj('2026-03-02 08:50'), [120.915]));
    t.clock.t = bj('2026-03-02 11:00');
    await post('crew1', '/api/unloads', {
      assetId: w.boats.b1,
      at: iso(bj('2026-03-02 09:30')),
      tonnes: 1.5,
      dockId: w.dock,
    });
    await post('crew1', '/api/unloads', {
      assetId: w.boats.b1,
      at: iso(bj('2026-03-02 10:15')),
      tonnes: 0.75,
      dockId: w.dock,
    });
    t.clock.t = bj('2026-03-02 17:00');
    await post('crew1', '/api/duty/clock-out', { lat: 31.3, lon: 120.9 });
  });

  it("summarises b1's day by hand: distance, time split, trips, stops, coverage, unloads, duty", async () => {
    t.clock.t = bj('2026-03-02 18:00');
    const s = await get('operator', `/api/assets/${w.boats.b1}/days/2026-03-02`);
    assert.equal(s.assetId, w.boats.b1);
    assert.equal(s.date, '2026-03-02');
    // 40 legs of 0.001° along the parallel.
    assert.ok(Math.abs(s.distanceM - 40 * LEG_M) <= 0.1, `${s.distanceM} vs ${40 * LEG_M}`);
    assert.deepEqual(
      {
        movingS: s.movingS,
        stoppedS: s.stoppedS,
        workS: s.workS,
        restS: s.restS,
        noDataS: s.noDataS,
        offDutyMovingS: s.offDutyMovingS,
      },
      {
        // The two 20-minute crossings.
        movingS: 2400,
        // At the dock 07:00–07:30, 08:15–09:00 and 10:00–10:30, and 5 minutes at the far end.
        stoppedS: 1800 + 300 + 2700 + 1800,
        // Moving on duty, and the short stop on the segment.
        workS: 2400 + 300,
        // The stops at the dock.
        restS: 1800 + 2700 + 1800,
        // 09:00–10:00: no fix for an hour, on duty.
        noDataS: 3600,
        offDutyMovingS: 0,
      },
    );
    assert.deepEqual(
      [s.firstMoveAt, s.lastStopAt, s.trips, s.stops],
      // The last stop began when the boat came back at 08:15 (it lasts across the gap).
      [iso(bj('2026-03-02 07:30')), iso(bj('2026-03-02 08:15')), 2, 3],
    );
    // The river (~1900 m) in 50 m sub-sections, every one passed within its 30 m half-width
    // (fixes 95 m apart cover all but 35 m between them).
    assert.equal(s.coverage.length, 1);
    assert.deepEqual(s.coverage[0], { segmentId: w.segment, ratio: 1, visited: 39, sections: 39 });
    assert.deepEqual(s.unloads, { count: 2, tonnes: 2.25 });
    assert.deepEqual(s.duty, {
      onDutyFrom: iso(bj('2026-03-02 07:00')),
      onDutyTo: iso(bj('2026-03-02 17:00')),
      source: 'clock',
    });
  });

  it("lists every visible boat's day: b2 derived from its shift, one fix, 3 sub-sections of 39", async () => {
    const day = await get('operator', `/api/fleet/days/2026-03-02?unitId=${w.contractor}`);
    assert.equal(day.date, '2026-03-02');
    assert.deepEqual(
      day.items.map((i: { assetId: string }) => i.assetId).sort(),
      [w.boats.b1, w.boats.b2].sort(),
    );
    const b2 = day.items.find((i: { assetId: string }) => i.assetId === w.boats.b2);
    assert.deepEqual(
      [b2.distanceM, b2.trips, b2.stops, b2.workS, b2.restS, b2.noDataS, b2.unloads],
      [0, 0, 0, 0, 0, 0, { count: 0, tonnes: 0 }],
    );
    assert.deepEqual(b2.duty, {
      onDutyFrom: iso(bj('2026-03-02 06:30')),
      onDutyTo: iso(bj('2026-03-02 17:30')),
      source: 'derived',
    });
    // A fix 1425 m along: its 30 m reach [1395, 1455] touches sub-sections 1350–1400, 1400–1450, 1450–1500.
    assert.deepEqual(
      [b2.coverage[0].visited, b2.coverage[0].sections, b2.coverage[0].ratio],
      [3, 39, Math.round((3 / 39) * 1e4) / 1e4],
    );
  });

  it('keeps boats of another area out: not listed, and their day answers 404 like an unknown id', async () => {
    const mine = await get('commA1', '/api/fleet/days/2026-03-02');
    assert.deepEqual(
      mine.items.map((i: { assetId: string }) => i.assetId),
      [other.a1],
    );
    const all = await get('admin', '/api/fleet/days/2026-03-02');
    assert.equal(all.items.length, 4);
    const hidden = await get('commA1', `/api/assets/${other.b1}/days/2026-03-02`, 404);
    const unknown = await get('commA1', '/api/assets/no-such-asset/days/2026-03-02', 404);
    assert.equal(hidden.error.code, 'ASSET_NOT_FOUND');
    assert.equal(unknown.error.code, 'ASSET_NOT_FOUND');
    await get('commA1', `/api/assets/${w.boats.b1}/days/2026-03-02`, 404);
    await get('commA1', `/api/fleet/days/2026-03-02?unitId=${t.org.b1.id}`, 404);
  });

  it('refuses a day that is not in the calendar or has not begun (400)', async () => {
    for (const date of ['2026-02-30', '2026-03-03']) {
      const res = await get('operator', `/api/assets/${w.boats.b1}/days/${date}`, 400);
      assert.equal(res.error.code, 'VALIDATION_FAILED');
    }
  });

  it('recomputes a settled day when a late blind-spot batch arrives for it (job and read)', async () => {
    t.clock.t = bj('2026-03-04 12:00');
    const before = await get('operator', `/api/assets/${w.boats.b1}/days/2026-03-02`);
    assert.equal(before.trips, 2);
    // Settled and stored: nothing to recompute.
    assert.equal(await recomputeMarkedDays(ctx()), 0);
    // Two days later the terminal re-uploads what it held in a blind spot: 16:00 at the dock, then east.
    const blind = fixesAt(bj('2026-03-02 16:00'), [120.9, ...east(120.9, 20)]);
    await t.app.platform.ingest.ingest(devices.b1 as Device, blind, { protocol: 'osmand', blind: true });
    // The job finds the day marked and recomputes it (and only it).
    assert.equal(await recomputeMarkedDays(ctx()), 1);
    assert.equal(await recomputeMarkedDays(ctx()), 0);
    const after = await get('operator', `/api/assets/${w.boats.b1}/days/2026-03-02`);
    assert.ok(Math.abs(after.distanceM - 60 * LEG_M) <= 0.1, `${after.distanceM}`);
    assert.deepEqual(
      [after.trips, after.stops, after.movingS, after.workS, after.noDataS, after.lastStopAt],
      // The stop at the dock now lasts to 16:00; 10:30–16:00 is no data.
      [3, 3, 3600, 3900, 3600 + 19_800, iso(bj('2026-03-02 08:15'))],
    );
    // Another late batch, read before the job runs: the read computes it.
    const more = fixesAt(bj('2026-03-02 16:21'), [120.92, 120.92, 120.92, 120.92]);
    await t.app.platform.ingest.ingest(devices.b1 as Device, more, { protocol: 'osmand', blind: true });
    const read = await get('operator', `/api/assets/${w.boats.b1}/days/2026-03-02`);
    assert.deepEqual([read.stops, read.lastStopAt], [4, iso(bj('2026-03-02 16:20'))]);
  });

  it('totals a month from three days of summaries, per boat', async () => {
    t.clock.t = bj('2026-03-04 12:00');
    // Tuesday 3 March: b1 crosses the river once on its derived shift (06:30–17:30).
    await t.app.platform.ingest.ingest(
      devices.b1 as Device,
      fixesAt(bj('2026-03-03 09:00'), [120.9, ...east(120.9, 20)]),
      {
        protocol: 'osmand',
        blind: true,
      },
    );
    const days: { distanceM: number; workS: number; restS: number }[] = [];
    for (const date of ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'])
      days.push(await get('operator', `/api/assets/${w.boats.b1}/days/${date}`));
    const month = await get('operator', `/api/fleet/months/2026-03?unitId=${w.contractor}`);
    assert.equal(month.month, '2026-03');
    assert.equal(month.coverageThreshold, 0.9);
    const b1 = month.items.find((i: { assetId: string }) => i.assetId === w.boats.b1);
    const sum = (f: (d: { distanceM: number; workS: number; restS: number }) => number) =>
      days.reduce((n, d) => n + f(d), 0);
    // 1–4 March: today counts, days to come do not.
    assert.equal(b1.days, 4);
    assert.ok(Math.abs(b1.distanceM - sum((d) => d.distanceM)) < 0.2);
    assert.ok(Math.abs(b1.distanceM - 80 * LEG_M) < 0.2, `${b1.distanceM}`);
    assert.ok(Math.abs(b1.workH - sum((d) => d.workS) / 3600) < 0.001);
    assert.ok(Math.abs(b1.restH - sum((d) => d.restS) / 3600) < 0.001);
    // Sunday 1 March: no duty, no coverage. 2 and 3 March: the whole river (1.0). 4 March: on
    // its shift but no fix yet, so not on duty (derived duty needs a fix): no coverage either.
    assert.equal(b1.meanCoverage, 1);
    assert.equal(b1.daysBelowCoverage, 0);
    assert.equal(b1.tonnes, 2.25);
    const b2 = month.items.find((i: { assetId: string }) => i.assetId === w.boats.b2);
    // b2: on duty 2 March only, 3 of 39 sub-sections: below 90 %.
    assert.deepEqual([b2.days, b2.meanCoverage, b2.daysBelowCoverage, b2.tonnes], [4, 0.0769, 1, 0]);
  });

  it("gives the weekly report's fleet as the week's fleet days so far, summed", async () => {
    // Wednesday 4 March: the week 2–8 March has begun three days ago.
    const days = [];
    for (const date of ['2026-03-02', '2026-03-03', '2026-03-04'])
      days.push(...(await get('operator', `/api/fleet/days/${date}?unitId=${w.contractor}`)).items);
    assert.ok(days.length > 3, `${days.length} boat-days`);
    const report = await get('operator', `/api/reports/weekly?week=2026-W10&unitId=${w.contractor}`);
    assert.deepEqual(report.fleet, fleetWeek(days));
  });

  /** A downloaded spreadsheet's first sheet as rows of cell values (a formula reads as its result). */
  const readSheet = async (user: string, url: string) => {
    const res = await t.app.inject({ url, headers: await as(user) });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(
      res.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    assert.match(String(res.headers['content-disposition']), /attachment; filename="fleet-/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      const cells: unknown[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const v = row.getCell(c).value;
        cells.push(v !== null && typeof v === 'object' && 'result' in v ? v.result : v);
      }
      rows.push(cells);
    });
    return { sheet, rows };
  };

  it('downloads the fleet day as .xlsx: Chinese headers, number formats, one row per boat, a totals row', async () => {
    const json = await get('operator', `/api/fleet/days/2026-03-02?unitId=${w.contractor}`);
    const { sheet, rows } = await readSheet(
      'operator',
      `/api/fleet/days/2026-03-02.xlsx?unitId=${w.contractor}`,
    );
    assert.deepEqual(rows[0], [
      '船只',
      '日期',
      '里程(公里)',
      '作业(小时)',
      '休息(小时)',
      '无数据(小时)',
      '班外航行(小时)',
      '行程数',
      '停留数',
      '覆盖率',
      '卸载次数',
      '卸载(吨)',
      '上班',
      '下班',
    ]);
    assert.equal(rows.length, 1 + json.items.length + 1);
    const byName = new Map(rows.slice(1, -1).map((r) => [r[0], r]));
    const b1 = byName.get('清波1号') as unknown[];
    const s = json.items.find((i: { assetId: string }) => i.assetId === w.boats.b1);
    assert.deepEqual(b1, [
      '清波1号',
      '2026-03-02',
      s.distanceM / 1000,
      s.workS / 3600,
      s.restS / 3600,
      s.noDataS / 3600,
      0,
      s.trips,
      s.stops,
      1,
      2,
      2.25,
      '07:00',
      '17:00',
    ]);
    assert.deepEqual(byName.get('清波2号')?.slice(9, 14), [3 / 39, 0, 0, '06:30', '17:30']);
    const totals = rows.at(-1) as unknown[];
    assert.equal(totals[0], '合计');
    for (const c of [2, 3, 4, 5, 6, 7, 8, 10, 11]) {
      const sum = rows.slice(1, -1).reduce((n, r) => n + Number(r[c]), 0);
      assert.ok(Math.abs(Number(totals[c]) - sum) < 1e-9, `column ${c + 1}: ${totals[c]} ≠ ${sum}`);
    }
    assert.equal(totals[9], null);
    assert.deepEqual(
      [sheet.getColumn(3).numFmt, sheet.getColumn(8).numFmt, sheet.getColumn(10).numFmt],
      ['0.00', '0', '0.0%'],
    );
  });

  it('downloads the fleet month as .xlsx with a totals row equal to the sum of the boats', async () => {
    const json = await get('operator', `/api/fleet/months/2026-03?unitId=${w.contractor}`);
    const { rows } = await readSheet('operator', `/api/fleet/months/2026-03.xlsx?unitId=${w.contractor}`);
    assert.deepEqual(rows[0], [
      '船只',
      '月份',
      '天数',
      '里程(公里)',
      '作业(小时)',
      '休息(小时)',
      '平均覆盖率',
      '覆盖不足天数',
      '卸载(吨)',
    ]);
    const b1 = json.items.find((i: { assetId: string }) => i.assetId === w.boats.b1);
    const row = rows.find((r) => r[0] === '清波1号');
    assert.deepEqual(row, ['清波1号', '2026-03', 4, b1.distanceM / 1000, b1.workH, b1.restH, 1, 0, 2.25]);
    const totals = rows.at(-1) as unknown[];
    assert.deepEqual([totals[0], totals[2], totals[7], totals[8]], ['合计', 8, 1, 2.25]);
    const distance = rows.slice(1, -1).reduce((n, r) => n + Number(r[3]), 0);
    assert.ok(Math.abs(Number(totals[3]) - distance) < 1e-9);
  });

  it('answers 400 for a month that is not one', async () => {
    const res = await get('operator', '/api/fleet/months/2026-13', 400);
    assert.equal(res.error.code, 'VALIDATION_FAILED');
  });
});
