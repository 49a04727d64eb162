import { fail } from '../../errors/catalogue.ts';
import { listAttachments } from '../../store/attachments.repository.ts';
import { mayReadAttachment } from '../attachments/index.ts';
import type { Principal, ServiceContext } from '../context.ts';

/**
 * Refuses photo ids that name no uploaded attachment, before any event refers to them: photos
 * are uploaded first (POST to the attachments API), then referenced by id on a report or an
 * action, so an event never points at a photo that is not stored. A photo the caller may not
 * read counts as unknown too: otherwise naming someone else's photo on one's own order would
 * make it readable (photos are scoped by the orders that show them).
 */
export async function checkPhotosExist(
  ctx: ServiceContext,
  who: Principal,
  photos: readonly string[] | undefined,
  field = 'body.photos',
): Promise<void> {
  if (!photos || photos.length === 0) return;
  const readable = new Set<string>();
  for (const attachment of await listAttachments(ctx.db, photos)) {
    if (await mayReadAttachment(ctx, who, attachment)) readable.add(attachment.id);
  }
  const missing = photos.filter((id) => !readable.has(id));
  if (missing.length > 0) {
    fail(
      'ATTACHMENT_NOT_FOUND',
      `${field}: ${missing.join(', ')} is not a photo you uploaded or may see; upload it first`,
      {
        field,
        missing,
      },
    );
  }
}
