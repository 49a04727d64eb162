import type { TrafficLight } from '../../api/orders.ts';
import { useI18n } from '../../i18n/context.tsx';

/** The time-limit light (绿灯 / 黄灯 / 红灯), or a quiet dash when no time limit runs. */
export function LightBadge({ light }: { light: TrafficLight | null }) {
  const { t } = useI18n();
  if (light === null) {
    return (
      <span className="light light-none" data-testid="order-light" data-light="none" title={t('light.none')}>
        —
      </span>
    );
  }
  return (
    <span className={`light light-${light}`} data-testid="order-light" data-light={light}>
      <span className="light-dot" aria-hidden="true" />
      {t(`light.${light}`)}
    </span>
  );
}
