import { useState } from 'react';
import { thumbnailUrl, uploadPhoto } from '../../api/attachments.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { isOffline } from '../../offline/outbox.ts';
import { compressPhoto, MAX_PHOTOS } from './photoCompression.ts';

export interface PhotoInputProps {
  ids: readonly string[];
  label: string;
  onChange(ids: string[]): void;
  /** Told while uploads run, so the form waits for their ids. */
  onUploading(uploading: boolean): void;
  /** At most this many photos (the field apps' six). */
  max?: number;
  /** Photos taken with no signal, kept (compressed) to upload later; only forms that can wait pass these. */
  held?: readonly Blob[];
  onHold?(blobs: Blob[]): void;
}

/** Uploads chosen photos through the attachments API at once and keeps their ids for the form. */
export function PhotoInput({
  ids,
  label,
  onChange,
  onUploading,
  max = MAX_PHOTOS,
  held = [],
  onHold,
}: PhotoInputProps) {
  const count = ids.length + held.length;
  const { t } = useI18n();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    setUploading(true);
    onUploading(true);
    setError(null);
    const added: string[] = [];
    const kept: Blob[] = [];
    try {
      // Shrunk on the phone first: a 12 MP photo goes as a ~1600 px JPEG over a weak signal.
      for (const file of files.slice(0, max - count)) {
        const small = await compressPhoto(file);
        if (kept.length > 0) {
          kept.push(small);
          continue;
        }
        try {
          added.push((await uploadPhoto(small)).id);
        } catch (e) {
          if (!onHold || !isOffline(e)) throw e;
          kept.push(small);
        }
      }
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
      onUploading(false);
      if (added.length > 0) onChange([...ids, ...added]);
      if (kept.length > 0) onHold?.([...held, ...kept]);
    }
  };

  return (
    <div className="photo-input">
      <label>
        {label}
        <input
          type="file"
          name="photos"
          accept="image/jpeg,image/png,image/webp"
          multiple
          // The camera opens directly on a phone (the rear one); a desk still picks files.
          capture="environment"
          disabled={uploading || count >= max}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void upload(files);
          }}
        />
      </label>
      <span className="muted" data-testid="photo-count">
        {count}/{max}
      </span>
      {held.length > 0 && (
        <span className="muted" data-testid="held-photos">
          {t('form.heldPhotos', { count: held.length })}
        </span>
      )}
      {uploading && <span className="muted">{t('form.uploading')}</span>}
      <ErrorNotice error={error} />
      {ids.length > 0 && (
        <ul className="photo-strip" data-testid="uploaded-photos">
          {ids.map((id) => (
            <li key={id}>
              <img src={thumbnailUrl(id)} alt={label} data-testid="uploaded-photo" />
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => onChange(ids.filter((p) => p !== id))}
              >
                {t('form.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
