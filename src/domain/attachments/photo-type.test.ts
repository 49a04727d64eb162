import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sniffPhotoType } from './photo-type.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

it('recognises JPEG, PNG and WebP by their leading bytes', () => {
  const cases: [Uint8Array, string | undefined][] = [
    [bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    [bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'), 'image/jpeg'],
    [bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'image/png'],
    [bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    [bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), undefined],
    [bytes('GIF89a'), undefined],
    [bytes([0, 0, 0, 0x18], 'ftypheic'), undefined],
    [bytes('this is not a photo.jpg'), undefined],
    [bytes([0xff, 0xd8]), undefined],
    [bytes([0x89], 'PN'), undefined],
    [new Uint8Array(0), undefined],
  ];
  for (const [input, expected] of cases) assert.equal(sniffPhotoType(input), expected, String(input));
});
