import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import sharp from 'sharp';
import { loadConfig } from '../src/config.ts';
import { sniffPhotoType } from '../src/domain/attachments/photo-type.ts';
import { getAttachmentsOrThrow } from '../src/services/attachments/index.ts';
import { attachmentOrders } from '../src/store/migrations/0007-attachment-orders.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { actAs, bj, IN_A1_GRID1, sessions, useOrderWorld } from './helpers/orders.ts';
import { filesUnder, makePhoto, multipartBody, postPhoto, sha256 } from './helpers/photos.ts';

/** A hand-written minimal PNG: one grey, transparent pixel (68 bytes). */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const MAX_PHOTO_BYTES = 256 * 1024;

forEachDialect('attachments', (kind) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-attachments-'));
  const blobDir = path.join(dataDir, 'attachments');
  const t = useTestApp(kind, { dataDir, maxPhotoBytes: MAX_PHOTO_BYTES });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const countRows = async () =>
    Number(
      (
        await t.store.db
          .selectFrom('attachments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores an uploaded PNG and serves it back byte for byte, cacheable, with a thumbnail', async () => {
    const resident = await loginAs(t.app, 'resident');
    const res = await postPhoto(t.app, resident, TINY_PNG, 'dot.png', 'image/png');
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.sha256, sha256(TINY_PNG));
    assert.equal(body.mime, 'image/png');
    assert.equal(body.bytes, TINY_PNG.length);
    assert.deepEqual([body.width, body.height], [1, 1]);
    assert.equal(body.fileName, 'dot.png');
    assert.equal(body.createdAt, new Date(t.clock.now()).toISOString());
    assert.equal(body.url, `/api/attachments/${body.id}`);
    assert.equal(body.thumbnailUrl, `/api/attachments/${body.id}/thumbnail`);
    assert.ok(
      fs.existsSync(path.join(blobDir, body.sha256.slice(0, 2), body.sha256.slice(2, 4), body.sha256)),
      'stored under <dataDir>/attachments/<aa>/<bb>/<sha256>',
    );

    const operator = await loginAs(t.app, 'operator');
    const file = await t.app.inject({ url: body.url, headers: operator });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/png');
    assert.equal(file.headers['cache-control'], 'private, max-age=31536000, immutable');
    assert.equal(file.headers.etag, `"${body.sha256}"`);
    assert.deepEqual(file.rawPayload, TINY_PNG);

    const again = await t.app.inject({
      url: body.url,
      headers: { ...operator, 'if-none-match': file.headers.etag as string },
    });
    assert.equal(again.statusCode, 304);
    assert.equal(again.rawPayload.length, 0);

    const thumb = await t.app.inject({ url: body.thumbnailUrl, headers: operator });
    assert.equal(thumb.statusCode, 200);
    assert.equal(
      thumb.headers['content-type'],
      'image/png',
      'a photo that already fits is its own thumbnail',
    );
    assert.deepEqual(thumb.rawPayload, TINY_PNG);
  });

  it('reads a JPEG size and makes a 320 px JPEG thumbnail', async () => {
    const grid = await loginAs(t.app, 'gridA1');
    const jpeg = await makePhoto('jpeg', 800, 600);
    const res = await postPhoto(t.app, grid, jpeg, '井盖破损.jpg', 'image/jpeg');
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.sha256, sha256(jpeg));
    assert.equal(body.mime, 'image/jpeg');
    assert.deepEqual([body.width, body.height], [800, 600]);
    assert.equal(body.fileName, '井盖破损.jpg');

    const file = await t.app.inject({ url: body.url, headers: grid });
    assert.deepEqual(file.rawPayload, jpeg);
    assert.match(String(file.headers['content-disposition']), /filename\*=UTF-8''%E4%BA%95/);

    const thumb = await t.app.inject({ url: body.thumbnailUrl, headers: grid });
    assert.equal(thumb.statusCode, 200);
    assert.equal(thumb.headers['content-type'], 'image/jpeg');
    assert.equal(sniffPhotoType(thumb.rawPayload), 'image/jpeg');
    const meta = await sharp(thumb.rawPayload).metadata();
    assert.deepEqual([meta.width, meta.height], [320, 240]);
    assert.notEqual(thumb.headers.etag, file.headers.etag);
  });

  it('reports the upright size of a photo turned by its EXIF orientation, and turns its thumbnail', async () => {
    const user = await loginAs(t.app, 'commA1');
    const sideways = await sharp(await makePhoto('jpeg', 800, 600))
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const res = await postPhoto(t.app, user, sideways);
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual([res.json().width, res.json().height], [600, 800]);
    const thumb = await t.app.inject({ url: res.json().thumbnailUrl, headers: user });
    const meta = await sharp(thumb.rawPayload).metadata();
    assert.deepEqual([meta.width, meta.height, meta.orientation ?? 1], [240, 320, 1]);
  });

  it('accepts a raw image body and WebP', async () => {
    const user = await loginAs(t.app, 'green');
    const webp = await makePhoto('webp', 40, 30);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { ...user, 'content-type': 'image/webp' },
      payload: webp,
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().mime, 'image/webp');
    assert.equal(res.json().fileName, null);
    assert.deepEqual([res.json().width, res.json().height], [40, 30]);
  });

  it('stores the same bytes once: a second upload gets its own id and shares the file', async () => {
    const a = await loginAs(t.app, 'commA2');
    const b = await loginAs(t.app, 'wsA');
    const photo = await makePhoto('png', 17, 13);
    const before = filesUnder(blobDir);
    const first = await postPhoto(t.app, a, photo, 'a.png', 'image/png');
    const second = await postPhoto(t.app, b, photo, 'b.png', 'image/png');
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 201);
    assert.notEqual(first.json().id, second.json().id);
    assert.equal(first.json().sha256, second.json().sha256);
    assert.equal(second.json().fileName, 'b.png');
    const added = filesUnder(blobDir).filter((f) => !before.includes(f));
    const digest = sha256(photo);
    assert.deepEqual(added, [path.join(digest.slice(0, 2), digest.slice(2, 4), digest)]);
    const both = await getAttachmentsOrThrow({ db: t.store.db, now: t.clock.now }, [
      second.json().id,
      first.json().id,
    ]);
    assert.deepEqual(
      both.map((x) => x.fileName),
      ['b.png', 'a.png'],
    );
  });

  it('refuses a text file named .jpg with 415, judged by content, and stores nothing', async () => {
    const user = await loginAs(t.app, 'resident');
    const [files, rows] = [filesUnder(blobDir), await countRows()];
    const res = await postPhoto(t.app, user, Buffer.from('not a photo at all\n'), 'photo.jpg', 'image/jpeg');
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().error.code, 'PHOTO_TYPE_NOT_ALLOWED');
    assert.match(res.json().error.message, /JPEG, PNG or WebP/);
    assert.deepEqual(res.json().error.details.accepted, ['image/jpeg', 'image/png', 'image/webp']);
    const gif = await postPhoto(t.app, user, Buffer.from('GIF89a\x01\x00\x01\x00'), 'x.png', 'image/png');
    assert.equal(gif.statusCode, 415);
    assert.deepEqual(filesUnder(blobDir), files);
    assert.equal(await countRows(), rows);
  });

  it('refuses a cut-off JPEG with 422 before writing anything', async () => {
    const user = await loginAs(t.app, 'resident');
    const jpeg = await makePhoto('jpeg', 800, 600);
    const [files, rows] = [filesUnder(blobDir), await countRows()];
    const res = await postPhoto(t.app, user, jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.code, 'PHOTO_UNREADABLE');
    assert.deepEqual(filesUnder(blobDir), files);
    assert.equal(await countRows(), rows);
  });

  it('refuses an oversize upload with 413 naming the limit, leaving no file and no row', async () => {
    const user = await loginAs(t.app, 'resident');
    const [files, rows] = [filesUnder(blobDir), await countRows()];
    const big = Buffer.concat([await makePhoto('jpeg', 64, 64), Buffer.alloc(MAX_PHOTO_BYTES)]);
    const res = await postPhoto(t.app, user, big);
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error.code, 'PAYLOAD_TOO_LARGE');
    assert.match(res.json().error.message, new RegExp(`${MAX_PHOTO_BYTES} bytes`));
    const raw = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { ...user, 'content-type': 'image/jpeg' },
      payload: big,
    });
    assert.equal(raw.statusCode, 413);
    assert.match(raw.json().error.message, new RegExp(`${MAX_PHOTO_BYTES} bytes`));
    assert.deepEqual(filesUnder(blobDir), files);
    assert.equal(
      filesUnder(blobDir).some((f) => f.endsWith('.tmp')),
      false,
    );
    assert.equal(await countRows(), rows);
  });

  it('answers bad requests with 4xx and the catalogue code', async () => {
    const user = await loginAs(t.app, 'resident');
    const anonymous = await postPhoto(t.app, {}, TINY_PNG, 'dot.png', 'image/png');
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().error.code, 'UNAUTHENTICATED');
    const anonymousRead = await t.app.inject({ url: '/api/attachments/x' });
    assert.equal(anonymousRead.statusCode, 401);

    for (const url of ['/api/attachments/no-such-id', '/api/attachments/no-such-id/thumbnail']) {
      const res = await t.app.inject({ url, headers: user });
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, 'ATTACHMENT_NOT_FOUND');
    }

    const json = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: user, payload: {} });
    assert.equal(json.statusCode, 415);
    assert.equal(json.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.match(json.json().error.message, /multipart\/form-data/);
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { ...user, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'file=x',
    });
    assert.equal(form.statusCode, 415);
    assert.match(form.json().error.message, /image\/jpeg, image\/png or image\/webp/);

    const wrongField = multipartBody(TINY_PNG, 'dot.png', 'image/png', 'photo');
    const field = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { ...user, 'content-type': wrongField.contentType },
      payload: wrongField.payload,
    });
    assert.equal(field.statusCode, 400);
    assert.match(field.json().error.message, /field named "file"/);

    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { ...user, 'content-type': 'multipart/form-data' },
      payload: 'garbage',
    });
    assert.ok(broken.statusCode >= 400 && broken.statusCode < 500, broken.body);

    const missing = getAttachmentsOrThrow({ db: t.store.db, now: t.clock.now }, ['nope']);
    await assert.rejects(missing, { code: 'ATTACHMENT_NOT_FOUND', details: { missing: ['nope'] } });
  });
});

// Who may download a photo: its uploader, and whoever may see an order that shows it.
forEachDialect('attachment access', (kind) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-attachment-access-'));
  const t = useTestApp(kind, { dataDir, maxPhotoBytes: MAX_PHOTO_BYTES });
  const world = useOrderWorld(t);
  const as = sessions(t);
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const photos = {} as { report: { id: string; sha256: string }; feedback: { id: string } };
  let orderId = '';

  async function upload(user: string, colour: number) {
    const bytes = await sharp({
      create: { width: 400, height: 300, channels: 3, background: { r: colour, g: 90, b: 40 } },
    })
      .jpeg()
      .toBuffer();
    const res = await postPhoto(t.app, await as(user), bytes);
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  }

  /** The status of the photo and of its thumbnail for a user: the same, whatever they are. */
  async function reads(user: string, id: string, headers: Record<string, string> = {}): Promise<number> {
    const auth = { ...(await as(user)), ...headers };
    const original = await t.app.inject({ url: `/api/attachments/${id}`, headers: auth });
    const thumbnail = await t.app.inject({ url: `/api/attachments/${id}/thumbnail`, headers: auth });
    assert.equal(thumbnail.statusCode, original.statusCode, `${user}: the thumbnail follows the photo`);
    for (const res of [original, thumbnail]) {
      if (res.statusCode === 404) {
        assert.equal(res.json().error.code, 'ATTACHMENT_NOT_FOUND');
        assert.equal(res.json().error.message, `No attachment with id ${id}`, 'said as of an unknown id');
        assert.equal(res.headers.etag, undefined);
      }
    }
    return original.statusCode;
  }

  const step = async (user: string, action: string, body: object = {}) => {
    const res = await actAs(t, await as(user), orderId, action, body);
    assert.equal(res.statusCode, 200, `${user} ${action}: ${res.body}`);
  };

  before(async () => {
    t.clock.t = bj('2026-03-02 09:00');
    photos.report = await upload('gridA1', 10);
  });

  it('serves a photo not yet attached to its uploader and the command centre only', async () => {
    assert.equal(await reads('gridA1', photos.report.id), 200);
    for (const user of ['admin', 'operator', 'leader'])
      assert.equal(await reads(user, photos.report.id), 200, user);
    for (const user of ['commA1', 'wsA', 'commB1', 'green', 'resident']) {
      assert.equal(await reads(user, photos.report.id), 404, user);
    }
  });

  it('serves the photo of a report to those who may see the order, and 404 to another community', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as('gridA1'),
      payload: {
        categoryId: world.categories.get('楼道堆物'),
        ...IN_A1_GRID1,
        description: '楼道堆放杂物',
        photos: [photos.report.id],
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    orderId = res.json().order.id;
    for (const user of ['gridA1', 'commA1', 'wsA', 'operator'])
      assert.equal(await reads(user, photos.report.id), 200, user);
    for (const user of ['commB1', 'commA2', 'green', 'resident']) {
      assert.equal(await reads(user, photos.report.id), 404, user);
    }
    const cached = await reads('commB1', photos.report.id, { 'if-none-match': `"${photos.report.sha256}"` });
    assert.equal(cached, 404, 'a matching ETag does not reveal the photo with a 304');
  });

  it('serves it to a department once the order is dispatched to it, with the photos of its feedback', async () => {
    await step('commA1', 'register');
    await step('commA1', 'dispatch', { unitId: t.org.dept.id });
    assert.equal(await reads('green', photos.report.id), 200);
    assert.equal(await reads('power', photos.report.id), 404, 'another department');

    await step('green', 'sign');
    await step('green', 'startHandling');
    photos.feedback = await upload('green', 200);
    assert.equal(await reads('commA1', photos.feedback.id), 404, 'not before the feedback refers to it');
    await step('green', 'feedback', { photos: [photos.feedback.id] });
    for (const user of ['green', 'commA1', 'gridA1', 'wsA', 'admin']) {
      assert.equal(await reads(user, photos.feedback.id), 200, user);
    }
    for (const user of ['commB1', 'power', 'resident'])
      assert.equal(await reads(user, photos.feedback.id), 404, user);
  });

  it('refuses a photo the reporter may not see on a new report: naming an id does not unlock it', async () => {
    const other = await upload('commB1', 30);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as('gridA1'),
      payload: {
        categoryId: world.categories.get('楼道堆物'),
        ...IN_A1_GRID1,
        description: '借用别人的照片',
        photos: [other.id],
      },
    });
    assert.equal(res.statusCode, 404, res.body);
    assert.equal(res.json().error.code, 'ATTACHMENT_NOT_FOUND');
    assert.deepEqual(res.json().error.details.missing, [other.id]);
    assert.equal(await reads('gridA1', other.id), 404, 'still not readable by the would-be reporter');
    assert.equal(await reads('commB1', other.id), 200, 'its uploader still reads it');
  });

  it('fills the photo links of timelines written before migration 0007 from their events', async () => {
    const links = () =>
      t.store.db
        .selectFrom('attachment_orders')
        .select(['attachment_id', 'order_id'])
        .orderBy('attachment_id')
        .execute();
    const written = await links();
    assert.deepEqual(
      written,
      [
        { attachment_id: photos.report.id, order_id: orderId },
        { attachment_id: photos.feedback.id, order_id: orderId },
      ].sort((a, b) => (a.attachment_id < b.attachment_id ? -1 : 1)),
    );
    await t.store.db.schema.dropTable('attachment_orders').execute();
    await attachmentOrders(t.store.adapter).up(t.store.db);
    assert.deepEqual(await links(), written);
    assert.equal(await reads('green', photos.feedback.id), 200);
  });
});

it('configures the photo size limit through ZS_MAX_PHOTO_BYTES, 10 MB by default', () => {
  assert.equal(loadConfig({}).maxPhotoBytes, 10 * 1024 * 1024);
  assert.equal(loadConfig({ ZS_MAX_PHOTO_BYTES: '2000000' }).maxPhotoBytes, 2_000_000);
  assert.throws(() => loadConfig({ ZS_MAX_PHOTO_BYTES: '10MB' }), /ZS_MAX_PHOTO_BYTES/);
  assert.throws(() => loadConfig({ ZS_MAX_PHOTO_BYTES: '1' }), /ZS_MAX_PHOTO_BYTES/);
});
