/** The longest side a report's photo keeps, and its JPEG quality: clear enough to act on, small on a weak signal. */
export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_QUALITY = 0.8;
/** At most this many photos to a report or a feedback. */
export const MAX_PHOTOS = 6;

/** The size a photo is drawn at: scaled down to fit `max` on its longest side, never up. */
export function fitWithin(
  width: number,
  height: number,
  max = PHOTO_MAX_SIDE,
): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max || longest === 0) return { width, height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * A photo re-encoded on the phone before upload: drawn on a canvas at most PHOTO_MAX_SIDE px
 * long and saved as JPEG. A file the browser cannot decode goes as it is (the server checks it).
 */
export async function compressPhoto(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  const { width, height } = fitWithin(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return file;
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const jpeg = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', PHOTO_QUALITY),
  );
  // Keep the original when re-encoding would not make it smaller (an already small JPEG).
  return jpeg && (jpeg.size < file.size || file.type !== 'image/jpeg') ? jpeg : file;
}
