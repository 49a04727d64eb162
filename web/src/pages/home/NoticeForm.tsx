import { useState } from 'react';
import { postNotice } from '../../api/notices.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { useI18n } from '../../i18n/context.tsx';
import { useSignedIn } from '../../session/context.tsx';

const DAY = 86_400_000;

/** 发布公告: a community or workstation tells the residents of its own unit, valid for the days chosen. */
export function NoticeForm({ onPosted }: { onPosted(): void }) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const action = useAction();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [days, setDays] = useState('7');
  const [done, setDone] = useState(false);
  return (
    <form
      className="card home-section form-grid"
      data-testid="notice-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setDone(false);
        const from = Date.now();
        const ok = await action.run(
          () =>
            postNotice({
              title: title.trim(),
              body: body.trim(),
              // A community speaks to its own residents; a workstation to its communities, picked by the server's scope check.
              communityIds: [user.unitId],
              validFrom: new Date(from - 60_000).toISOString(),
              validTo: new Date(from + Number(days) * DAY).toISOString(),
            }),
          () => '',
        );
        if (ok) {
          setTitle('');
          setBody('');
          setDone(true);
          onPosted();
        }
      }}
    >
      <h2>{t('home.postNotice')}</h2>
      <ErrorNotice error={action.error} />
      <label>
        {t('notice.title')}
        <input
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={100}
        />
      </label>
      <label>
        {t('notice.body')}
        <textarea
          name="body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={3}
          required
          maxLength={5000}
        />
      </label>
      <label>
        {t('notice.days')}
        <input
          name="days"
          type="number"
          min={1}
          max={90}
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
      </label>
      {done && (
        <p className="muted" data-testid="notice-posted">
          {t('notice.posted')}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="btn btn-primary" data-testid="notice-submit" disabled={action.busy}>
          {t('notice.submit')}
        </button>
      </div>
    </form>
  );
}
