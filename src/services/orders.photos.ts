import { fail } from '../errors/catalogue.ts';
import { listAttachments } from '../store/attachments.repository.ts';
import type { ServiceContext } from './context.ts';

/**
 * Refuses photo ids that name no uploaded attachment, before any event refers to them: photos
 * are uploaded first (POST to the attachments API), then referenced by id on a report or an
 * action, so an event never points at a photo that is not stored.
 */
export async function checkPhotosExist(
  ctx: ServiceContext,
  photos: readonly string[] | undefined,
  field = 'body.photos',
): Promise<void> {
  if (!photos || photos.length === 0) return;
  const found = new Set((await listAttachments(ctx.db, photos)).map((a) => a.id));
  const missing = photos.filter((id) => !found.has(id));
  if (missing.length > 0) {
    fail(
      'ATTACHMENT_NOT_FOUND',
      `${field}: ${missing.join(', ')} is not an uploaded photo; upload it first`,
      {
        field,
        missing,
      },
    );
  }
}
