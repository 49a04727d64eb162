import fastifyMultipart from '@fastify/multipart';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AttachmentSchema } from '../../api/index.ts';
import {
  type AttachmentContext,
  attachmentContext,
  attachmentView,
  getReadableAttachmentOrThrow,
  openAttachmentFile,
  uploadPhoto,
} from '../../services/attachments/index.ts';
import type { App, Platform } from '../app-types.ts';
import { readPhotoUpload, wrongContentType } from '../photo-upload.ts';
import { principal } from '../plugins/auth.ts';
import { IdParams } from '../schemas.ts';

// Content-addressed, so a URL's bytes never change: browsers and proxies may keep them for a year.
const CACHE_CONTROL = 'private, max-age=31536000, immutable';

/**
 * Photo attachments. Any signed-in user may upload (residents and grid workers report with
 * photos). A photo and its thumbnail are served to its uploader, to users whose order scope
 * holds everything, and to users who may see an order whose report or events refer to it;
 * anyone else gets the 404 an unknown id gets (see mayReadAttachment).
 */
export async function attachmentRoutes(app: App, p: Platform): Promise<void> {
  const ctx = attachmentContext(p.ctx, p.config.dataDir, p.config.maxPhotoBytes);
  // Encapsulated: only these routes take multipart and raw image bodies; every other route keeps answering them with 415.
  await app.register(async (scope: App) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: ctx.maxPhotoBytes, files: 1, parts: 20, fields: 10, fieldSize: 64 * 1024 },
    });
    scope.addContentTypeParser(/^image\/[\w.+-]+$/i, { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    // A body type no parser takes (a urlencoded form, say) gets this route's advice, not the JSON API's;
    // every other error goes on to the app's handler.
    scope.setErrorHandler((error: FastifyError, request) => {
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') wrongContentType(request);
      throw error;
    });

    scope.post(
      '/api/attachments',
      {
        config: { access: 'authenticated' },
        // Applies to raw image bodies; multipart files are cut off by the plugin's fileSize limit.
        bodyLimit: ctx.maxPhotoBytes,
        schema: {
          tags: ['attachments'],
          summary: 'Upload a photo (JPEG, PNG or WebP, checked by content) for a later work-order action',
          description:
            'multipart/form-data with one field "file", or a raw image/* body. 413 over the size limit, 415 for other types.',
          response: { 201: AttachmentSchema },
        },
      },
      async (request, reply) => {
        const received = await readPhotoUpload(request, ctx.maxPhotoBytes);
        const attachment = await uploadPhoto(ctx, { ...received, uploadedBy: principal(request).userId });
        return reply.status(201).send(attachmentView(attachment));
      },
    );

    scope.get(
      '/api/attachments/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['attachments'],
          summary: 'The photo as uploaded, byte for byte (its uploader, or who may see an order showing it)',
          params: IdParams,
        },
      },
      async (request, reply) => sendFile(ctx, request, reply, 'original'),
    );

    scope.get(
      '/api/attachments/:id/thumbnail',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['attachments'],
          summary: 'The photo at most 320 px a side, for lists',
          params: IdParams,
        },
      },
      async (request, reply) => sendFile(ctx, request, reply, 'thumbnail'),
    );
  });
}

async function sendFile(
  ctx: AttachmentContext,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
  which: 'original' | 'thumbnail',
) {
  // Checked before the ETag: a 304 would reveal that the photo exists.
  const attachment = await getReadableAttachmentOrThrow(ctx, principal(request), request.params.id);
  const file = await openAttachmentFile(ctx, attachment, which);
  const etag = `"${file.sha256}"`;
  reply.header('cache-control', CACHE_CONTROL).header('etag', etag);
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.status(304).send();
  if (which === 'original' && attachment.fileName) {
    reply.header('content-disposition', `inline; filename*=UTF-8''${rfc5987(attachment.fileName)}`);
  }
  return reply.type(file.mime).header('content-length', String(file.bytes)).send(file.open());
}

/** If-None-Match may list several tags, weak or strong, or "*". */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** A file name as an RFC 5987 ext-value: percent-encoded UTF-8, including the characters encodeURIComponent leaves. */
function rfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
