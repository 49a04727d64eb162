import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWeChat, toWgs84 } from './phonePosition.ts';

const WECHAT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI';
const SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1';

describe('a phone position in WGS-84', () => {
  it('detects WeChat by MicroMessenger in the user agent', () => {
    assert.equal(isWeChat(WECHAT), true);
    assert.equal(isWeChat(SAFARI), false);
  });

  it('keeps a browser position as it is', () => {
    assert.deepEqual(toWgs84({ lat: 31.3, lon: 120.6 }, SAFARI), { lat: 31.3, lon: 120.6 });
  });

  it('converts a WeChat (GCJ-02) position back to WGS-84, back where it was', () => {
    // gcoord puts WGS-84 (31.3, 120.6) at GCJ-02 (31.297812, 120.604170): some 450 m east and south.
    const wgs = toWgs84({ lat: 31.297812, lon: 120.60417 }, WECHAT);
    assert.ok(Math.abs(wgs.lat - 31.3) < 1e-5 && Math.abs(wgs.lon - 120.6) < 1e-5, JSON.stringify(wgs));
    const back = toWgs84(wgs, SAFARI);
    assert.deepEqual(back, wgs);
  });
});
