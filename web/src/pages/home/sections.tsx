import { useCallback, useEffect, useState } from 'react';
import type { Order } from '../../api/orders.ts';
import { useI18n } from '../../i18n/context.tsx';
import { byUrgency, distanceM, fetchOrdersIn, OPEN_STATUSES } from './homeOrders.ts';
import { OrderCards } from './OrderCards.tsx';
import { plainStatusKey } from './plainStatus.ts';

/** A resident's own reports with their state in plain words; a closed one asks for the return visit. */
export function MyReports() {
  const { t } = useI18n();
  return (
    <OrderCards
      title={t('home.myReports')}
      testId="home-my-reports"
      load={useCallback((signal: AbortSignal) => fetchOrdersIn([], { limit: 20 }, signal), [])}
      describe={(o) => t(plainStatusKey(o.status))}
      cta={(o) => (o.status === 'closed' && !o.returnVisit ? t('home.rate') : null)}
    />
  );
}

/** Where the phone is, once, if the user lets it tell (for nearest first); null until then or if refused. */
function useHere(): { lat: number; lon: number } | null {
  const [here, setHere] = useState<{ lat: number; lon: number } | null>(null);
  useEffect(() => {
    navigator.geolocation?.getCurrentPosition(
      (p) => setHere({ lat: p.coords.latitude, lon: p.coords.longitude }),
      () => setHere(null),
      { maximumAge: 60_000, timeout: 10_000 },
    );
  }, []);
  return here;
}

/** A grid worker's open orders of their grid, nearest first when the phone tells where it is. */
export function GridOrders() {
  const { t } = useI18n();
  const here = useHere();
  const arrange = useCallback(
    (orders: Order[]) =>
      here ? [...orders].sort((a, b) => distanceM(here, a) - distanceM(here, b)) : orders,
    [here],
  );
  return (
    <OrderCards
      title={t('home.gridOrders')}
      testId="home-grid-orders"
      load={useCallback((signal: AbortSignal) => fetchOrdersIn(OPEN_STATUSES, { limit: 30 }, signal), [])}
      arrange={arrange}
      describe={(o) =>
        here
          ? `${t(`status.${o.status}`)} · ${t('home.metres', { m: Math.round(distanceM(here, o)) })}`
          : t(`status.${o.status}`)
      }
    />
  );
}

/** Orders fed back that the grid worker re-checks on site (核查) with a photo. */
export function ToVerify() {
  const { t } = useI18n();
  return (
    <OrderCards
      title={t('home.toVerify')}
      testId="home-to-verify"
      load={useCallback((signal: AbortSignal) => fetchOrdersIn(['handled'], { limit: 20 }, signal), [])}
      cta={() => t('action.verify')}
    />
  );
}

/** The community's or workstation's problem list (问题清单): reports to register, escalate or dispatch. */
export function ProblemList() {
  const { t } = useI18n();
  return (
    <OrderCards
      title={t('home.problemList')}
      testId="home-problem-list"
      load={useCallback(
        (signal: AbortSignal) => fetchOrdersIn(['reported', 'registered'], { limit: 30 }, signal),
        [],
      )}
      arrange={byUrgency}
    />
  );
}

/** A department's or crew's tasks: to sign, in hand, overdue first; each opens to sign, start or feed back. */
export function MyTasks() {
  const { t } = useI18n();
  // The list carries no allowedActions (only the single read does): the next step follows from the status.
  const nextAction = (o: Order) =>
    o.status === 'dispatched'
      ? t('action.sign')
      : o.status === 'signed'
        ? t('action.startHandling')
        : t('action.feedback');
  return (
    <OrderCards
      title={t('home.myTasks')}
      testId="home-my-tasks"
      load={useCallback(
        (signal: AbortSignal) => fetchOrdersIn(['dispatched', 'signed', 'handling'], { limit: 30 }, signal),
        [],
      )}
      arrange={byUrgency}
      cta={nextAction}
    />
  );
}
