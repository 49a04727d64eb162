import { photoUrl, thumbnailUrl } from '../../api/attachments.ts';

/** Thumbnails of attached photos, each opening the full photo in a new tab. */
export function PhotoStrip({ ids, label }: { ids: readonly string[]; label: string }) {
  if (ids.length === 0) return null;
  return (
    <ul className="photo-strip" aria-label={label}>
      {ids.map((id) => (
        <li key={id}>
          <a href={photoUrl(id)} target="_blank" rel="noreferrer">
            <img src={thumbnailUrl(id)} alt={label} loading="lazy" data-testid="photo" data-photo-id={id} />
          </a>
        </li>
      ))}
    </ul>
  );
}
