// Stand-in photos for the demo's work orders: a street and a river before (rubbish on the
// pavement, rubbish on the water) and after (clean, with a check mark), drawn as SVG and stored
// as JPEG through the same decoding and thumbnailing as an upload, so the console shows them
// like any photo.
import sharp from 'sharp';
import { processPhoto } from '../../services/attachments/index.ts';
import { type Attachment, insertAttachment } from '../../store/attachments.repository.ts';
import type { BlobStore } from '../../store/blob-store.ts';
import type { Db } from '../../store/database.ts';

const W = 640;
const H = 480;

const sky = (top: string, bottom: string) =>
  `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#sky)"/>`;

/** Whitewashed walls and dark tiles of old Suzhou houses along a street. */
const houses = [0, 1, 2, 3]
  .map((i) => {
    const x = 10 + i * 160;
    return `<rect x="${x}" y="170" width="140" height="130" fill="#f2efe8"/><polygon points="${x - 8},172 ${x + 70},128 ${x + 148},172" fill="#3d4147"/><rect x="${x + 25}" y="200" width="30" height="36" fill="#5b6770"/><rect x="${x + 85}" y="200" width="30" height="36" fill="#5b6770"/><rect x="${x + 55}" y="250" width="30" height="50" fill="#6f4e37"/>`;
  })
  .join('');

const street = `${houses}<rect y="300" width="${W}" height="40" fill="#b9b4aa"/><rect y="340" width="${W}" height="140" fill="#5e6164"/><rect x="40" y="405" width="80" height="8" fill="#e8e4da"/><rect x="280" y="405" width="80" height="8" fill="#e8e4da"/><rect x="520" y="405" width="80" height="8" fill="#e8e4da"/>`;

const rubbish = `<ellipse cx="250" cy="318" rx="42" ry="26" fill="#222"/><ellipse cx="300" cy="322" rx="36" ry="22" fill="#2f3b2f"/><ellipse cx="276" cy="300" rx="30" ry="20" fill="#1d1d1d"/><rect x="330" y="300" width="44" height="30" fill="#a8865a" transform="rotate(12 352 315)"/><rect x="205" y="312" width="30" height="20" fill="#c9c2b0" transform="rotate(-18 220 322)"/><circle cx="392" cy="330" r="6" fill="#d94f3d"/><circle cx="190" cy="334" r="5" fill="#4a90d9"/>`;

const bank = `<rect y="150" width="${W}" height="70" fill="#6b8f5a"/>${[30, 120, 230, 350, 470, 580]
  .map((x) => `<circle cx="${x}" cy="150" r="38" fill="#4f7a43"/>`)
  .join(
    '',
  )}<path d="M0 220 H${W} V${H} H0 Z" fill="#4d7f8c"/><path d="M380 220 Q470 120 560 220" fill="none" stroke="#cfc8b8" stroke-width="26"/><rect x="360" y="210" width="220" height="14" fill="#cfc8b8"/>${[
  260, 300, 340, 380, 420,
]
  .map((y, i) => `<path d="M${20 + i * 37} ${y} q40 -8 80 0" stroke="#7fb0bd" stroke-width="3" fill="none"/>`)
  .join('')}`;

const floating = `${[
  [120, 290, '#f4f4f4'],
  [160, 300, '#e8d44d'],
  [210, 285, '#f4f4f4'],
  [250, 320, '#d94f3d'],
  [330, 300, '#f4f4f4'],
  [150, 350, '#5aa05a'],
  [290, 360, '#f4f4f4'],
  [420, 330, '#4a90d9'],
]
  .map(([x, y, c]) => `<ellipse cx="${x}" cy="${y}" rx="16" ry="6" fill="${c}"/>`)
  .join('')}<path d="M90 330 q60 -20 120 0 q40 12 80 -4" stroke="#3f6b33" stroke-width="8" fill="none"/>`;

const boat = `<path d="M150 330 H330 L300 370 H180 Z" fill="#e9e4d6"/><rect x="200" y="300" width="70" height="30" fill="#3a6ea5"/><rect x="215" y="308" width="20" height="14" fill="#cde3f5"/>`;

const check = `<circle cx="570" cy="70" r="42" fill="#2e9d57" opacity="0.92"/><path d="M548 70 l15 16 l30 -34" stroke="#fff" stroke-width="9" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${body}</svg>`;

/** The stand-in photos: two before, two after. */
export const DEMO_PHOTOS: readonly { fileName: string; kind: 'before' | 'after'; svg: string }[] = [
  { fileName: '现场照片-街面.jpg', kind: 'before', svg: svg(sky('#a9bccb', '#dfe6ea') + street + rubbish) },
  { fileName: '现场照片-河面.jpg', kind: 'before', svg: svg(sky('#9fb7c8', '#e3e9ec') + bank + floating) },
  { fileName: '处置后-街面.jpg', kind: 'after', svg: svg(sky('#8fb8dc', '#e6f0f7') + street + check) },
  { fileName: '处置后-河面.jpg', kind: 'after', svg: svg(sky('#8fb8dc', '#e6f0f7') + bank + boat + check) },
];

/**
 * Renders the stand-in photos and stores them as uploads would be (file by content, thumbnail,
 * one attachment row each, uploaded by `uploadedBy` at `at`); returns their ids by kind.
 */
export async function storeDemoPhotos(
  db: Db,
  blobs: BlobStore,
  ids: () => string,
  uploadedBy: string,
  at: number,
): Promise<{ before: string[]; after: string[] }> {
  const stored = { before: [] as string[], after: [] as string[] };
  for (const photo of DEMO_PHOTOS) {
    const bytes = await sharp(Buffer.from(photo.svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    const processed = await processPhoto(bytes, 'image/jpeg');
    const original = await blobs.put(bytes);
    const thumbnail = await blobs.put(processed.thumbnail.bytes);
    const attachment: Attachment = {
      id: ids(),
      sha256: original.sha256,
      mime: 'image/jpeg',
      bytes: bytes.length,
      width: processed.width,
      height: processed.height,
      fileName: photo.fileName,
      uploadedBy,
      createdAt: at,
      thumbnailSha256: thumbnail.sha256,
      thumbnailMime: processed.thumbnail.mime,
    };
    await insertAttachment(db, attachment);
    stored[photo.kind].push(attachment.id);
  }
  return stored;
}
