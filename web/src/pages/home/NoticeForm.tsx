import { useState } from 'react';
import { postNotice } from '../../api/notices.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAction } from '../../hooks/useAction.ts';
import { useI18n } from '../../i18n/context.tsx';
import { useSignedIn } from '../../session/context.tsx';
import { type NoticePlaces, NoticeTargets } from './NoticeTargets.tsx';

const DAY = 86_400_000;

/**
 * 发布公告: a community or workstation tells the residents of the communities and grids it ticks
 * (a community starts with itself ticked), valid for the days chosen.
 */
export function NoticeForm({ onPosted }: { onPosted(): void }) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const action = useAction();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [days, setDays] = useState('7');
  const [done, setDone] = useState(false);
  const [places, setPlaces] = useState<NoticePlaces>(() => ({
    communityIds: user.role === 'community' ? [user.unitId] : [],
    gridIds: [],
  }));
  const nothingChosen = places.communityIds.length + places.gridIds.length === 0;
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
              ...(places.communityIds.length > 0 && { communityIds: places.communityIds }),
              ...(places.gridIds.length > 0 && { gridIds: places.gridIds }),
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
      <NoticeTargets value={places} onChange={setPlaces} />
      {done && (
        <p className="muted" data-testid="notice-posted">
          {t('notice.posted')}
        </p>
      )}
      <div className="form-buttons">
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="notice-submit"
          disabled={action.busy || nothingChosen}
        >
          {t('notice.submit')}
        </button>
      </div>
    </form>
  );
}
