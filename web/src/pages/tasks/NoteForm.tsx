import { type FormEvent, useState } from 'react';
import { uploadPhoto } from '../../api/attachments.ts';
import { addTaskNote } from '../../api/tasks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useI18n } from '../../i18n/context.tsx';

/** A progress note (进展) on a task: the week's text, the share done, a photo. */
export function NoteForm({ taskId, onAdded }: { taskId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [percent, setPercent] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const photos = photo ? [(await uploadPhoto(photo)).id] : [];
      await addTaskNote(taskId, {
        text: text.trim(),
        ...(percent === '' ? {} : { percent: Number(percent) }),
        ...(photos.length > 0 ? { photos } : {}),
      });
      setText('');
      setPercent('');
      setPhoto(null);
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="task-note-form" onSubmit={submit} data-testid="task-note-form">
      <label>
        {t('tasks.note.text')}
        <textarea
          required
          maxLength={2000}
          rows={2}
          value={text}
          data-testid="task-note-text"
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <div className="task-note-row">
        <label>
          {t('tasks.note.percent')}
          <input
            type="number"
            min={0}
            max={100}
            step={1}
            inputMode="numeric"
            value={percent}
            data-testid="task-note-percent"
            onChange={(e) => setPercent(e.target.value)}
          />
        </label>
        <label>
          {t('tasks.note.photo')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            data-testid="task-note-photo"
            onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
          />
        </label>
      </div>
      <ErrorNotice error={error} />
      <button
        type="submit"
        className="btn btn-primary"
        disabled={busy || text.trim() === ''}
        data-testid="task-note-submit"
      >
        {busy ? t('tasks.note.busy') : t('tasks.note.submit')}
      </button>
    </form>
  );
}
