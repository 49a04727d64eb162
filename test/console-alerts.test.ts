// The alert panel (告警) in Debian's Chromium against the demo world: a boat's terminal sends an
// SOS, the operator's header shows the new alert live (count and cue), the operator acknowledges
// it and resolves it with a note; the API then has it resolved with that note. The admin's alert
// rules page lists the rule.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { type Device, listDevices } from '../src/store/devices.repository.ts';
import { findLatest } from '../src/store/positions.repository.ts';
import { listUnits } from '../src/store/units.repository.ts';
import { loginAs } from './helpers/app.ts';
import { browserProblem, logIn } from './helpers/browser.ts';
import { useDemoBrowser } from './helpers/demo-console.ts';

const skip = browserProblem() ?? false;

describe('console: the alert panel [sqlite]', { skip }, () => {
  const suite = useDemoBrowser();
  let page: Page;
  let boat: Device;
  let admin: Record<string, string>;

  before(async () => {
    const { db } = suite.demo.app.platform.ctx;
    const found = (await listDevices(db, { scopePath: null })).find(
      (d) => d.assetId && d.id !== suite.demo.trackedDeviceId,
    );
    assert.ok(found, 'the demo has a boat with a terminal');
    boat = found;
    const [contractor] = await listUnits(db, { scopePath: null, kind: 'contractor' });
    admin = await loginAs(suite.demo.app, 'admin', DEMO_PASSWORD);
    const rule = await suite.demo.app.inject({
      method: 'POST',
      url: '/api/alert-rules',
      headers: admin,
      payload: { name: '紧急报警', kind: 'deviceAlarm', params: { bits: ['sos'] }, unitId: contractor?.id },
    });
    assert.equal(rule.statusCode, 201, rule.body);
  });

  it('shows an SOS live, then the operator acknowledges and resolves it with a note', async () => {
    page = await logIn(suite.context, suite.demo.base, 'operator', DEMO_PASSWORD);
    // The header's panel (the live map has its own for the narrowest phones).
    const header = page.locator('.app-header');
    await header.locator('[data-testid=alert-count][data-count="0"]').waitFor();
    // On the live map, once its feed is connected: then the terminal's SOS.
    await page.goto(`${suite.demo.base}/#/map`);
    await page.locator('[data-testid=live-state][data-state=open]').waitFor();
    const at = suite.demo.app.platform.ctx.now() + 30_000;
    // Where the boat was last heard (a fix far from it would be a jump, not a live fix).
    const last = await findLatest(suite.demo.app.platform.ctx.db, boat.id);
    assert.ok(last, 'the boat has a position');
    const sos = { time: at, lat: last.lat, lon: last.lon, speedKmh: 0, course: 0, altitude: 0, valid: true };
    await suite.demo.app.platform.ingest.ingest(boat, [{ ...sos, attributes: { alarm: 1 } }], {
      protocol: 'osmand',
    });
    await suite.demo.app.platform.alerts.idle();
    await header.locator('[data-testid=alert-count][data-count="1"]').waitFor();
    await header.locator('[data-testid=alerts][data-fresh=true]').waitFor();

    await header.getByTestId('alerts').click();
    const item = header.locator('[data-testid=alert][data-kind=deviceAlarm]');
    await item.waitFor();
    await item.getByTestId('alert-ack').click();
    await header.locator('[data-testid=alert][data-status=acknowledged]').waitFor();
    await header.getByTestId('alert-resolve').click();
    await header.getByTestId('alert-note').fill('已电话联系船员，误触');
    await header.getByTestId('alert-resolve-submit').click();
    await header.locator('[data-testid=alert-count][data-count="0"]').waitFor();

    const res = await suite.demo.app.inject({ url: `/api/alerts?assetId=${boat.assetId}`, headers: admin });
    const [alert] = res.json().items;
    assert.deepEqual(
      [alert.kind, alert.status, alert.note, alert.startedAt],
      ['deviceAlarm', 'resolved', '已电话联系船员，误触', new Date(at).toISOString()],
    );
    assert.ok(alert.acknowledgedBy && alert.resolvedBy);
  });

  it('lists the rule on the admin’s alert rules page', async () => {
    page = await logIn(suite.context, suite.demo.base, 'admin', DEMO_PASSWORD);
    await page.getByTestId('nav-alertRules').click();
    await page.locator('[data-testid=alert-rule][data-kind=deviceAlarm]').waitFor();
  });
});
