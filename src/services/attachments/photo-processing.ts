import sharp from 'sharp';
import type { PhotoType } from '../../domain/attachments/photo-type.ts';
import { fail } from '../../errors/catalogue.ts';

/** Longest side of a list thumbnail, in pixels. */
export const THUMBNAIL_MAX_PX = 320;
/** Refuse larger images before decoding: a small PNG can inflate to gigabytes of pixels. */
export const MAX_PHOTO_PIXELS = 100_000_000;

const FORMAT_OF: Record<PhotoType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** What a photo's decoding yields: its display size and the bytes of its list thumbnail. */
export interface ProcessedPhoto {
  width: number;
  height: number;
  thumbnail: { bytes: Buffer; mime: PhotoType };
}

/**
 * Decodes the photo fully (a truncated or corrupt file is refused here, before anything is
 * stored) and makes its thumbnail: at most 320 px a side, turned upright by its EXIF
 * orientation, metadata (GPS included) stripped, JPEG because every browser and the WeChat
 * web view show it; transparency is flattened onto white. A photo that already fits and
 * needs no turning is its own thumbnail, so no second file is stored for it.
 */
export async function processPhoto(bytes: Buffer, type: PhotoType): Promise<ProcessedPhoto> {
  const label = FORMAT_OF[type].toUpperCase();
  const meta = await sharp(bytes)
    .metadata()
    .catch((error: Error) => unreadable(label, error));
  if (meta.format !== FORMAT_OF[type]) {
    fail(
      'PHOTO_UNREADABLE',
      `The file starts like ${label} but decodes as ${meta.format}; send the original photo`,
    );
  }
  const { width, height } = meta.autoOrient;
  if (width * height > MAX_PHOTO_PIXELS) {
    fail(
      'PHOTO_UNREADABLE',
      `The photo is ${width}×${height} pixels; at most ${MAX_PHOTO_PIXELS / 1e6} megapixels are accepted`,
    );
  }
  const resized = await sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_PHOTO_PIXELS })
    .autoOrient()
    .resize(THUMBNAIL_MAX_PX, THUMBNAIL_MAX_PX, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer()
    .catch((error: Error) => unreadable(label, error));
  const upright = (meta.orientation ?? 1) === 1;
  const fits = width <= THUMBNAIL_MAX_PX && height <= THUMBNAIL_MAX_PX;
  return {
    width,
    height,
    thumbnail: upright && fits ? { bytes, mime: type } : { bytes: resized, mime: 'image/jpeg' },
  };
}

function unreadable(label: string, error: Error): never {
  const reason = error.message.split('\n')[0]?.slice(0, 200);
  fail(
    'PHOTO_UNREADABLE',
    `The file starts like ${label} but cannot be decoded (${reason}); it may be cut off or damaged: send it again`,
  );
}
