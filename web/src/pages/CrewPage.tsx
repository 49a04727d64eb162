import { useCallback } from 'react';
import { fetchDuty } from '../api/duty.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useAsync } from '../hooks/useAsync.ts';
import { useI18n } from '../i18n/context.tsx';
import { ClockCard } from './crew/ClockCard.tsx';
import { UnloadCard } from './crew/UnloadCard.tsx';

/** 我的班次: a crew member's phone page — clock in and out on their boat, log unloads. */
export function CrewPage() {
  const { t } = useI18n();
  const duty = useAsync(useCallback((signal: AbortSignal) => fetchDuty(undefined, signal), []));
  // A crew member's duty holds their own boat only.
  const boat = duty.data?.boats[0];
  return (
    <div className="page crew-page" data-testid="crew-page" aria-busy={duty.loading}>
      <header className="page-head">
        <h1>{t('crew.title')}</h1>
        {boat && (
          <span className="crew-boat" data-testid="crew-boat">
            {boat.name}
          </span>
        )}
      </header>
      <ErrorNotice error={duty.error} />
      <ClockCard duty={duty.data} onClocked={duty.reload} />
      {boat ? (
        <UnloadCard assetId={boat.assetId} />
      ) : (
        !duty.loading && <p className="empty">{t('crew.noBoat')}</p>
      )}
    </div>
  );
}
