import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { App } from '../../src/http/app-types.ts';

/** A solid-colour test photo of the given size and format, made with sharp. */
export function makePhoto(format: 'png' | 'jpeg' | 'webp', width: number, height: number): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } });
  return image.toFormat(format).toBuffer();
}

/** Lowercase hex SHA-256, as the API reports it. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A multipart/form-data body with one file part, and its Content-Type header. */
export function multipartBody(
  bytes: Uint8Array,
  fileName: string,
  contentType: string,
  field = 'file',
): { payload: Buffer; contentType: string } {
  const boundary = `----zs-test-${Math.random().toString(16).slice(2)}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
    `Content-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Uploads a photo as a browser form would; returns the raw response. */
export function postPhoto(
  app: App,
  headers: Record<string, string>,
  bytes: Uint8Array,
  fileName = 'photo.jpg',
  contentType = 'image/jpeg',
) {
  const body = multipartBody(bytes, fileName, contentType);
  return app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { ...headers, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** Every file under a directory (relative paths, sorted), temporary ones included. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}
