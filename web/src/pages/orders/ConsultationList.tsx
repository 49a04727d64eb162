import type { Order } from '../../api/orders.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../time.ts';

type Consultation = Order['consultations'][number];

function answerState(c: Consultation): 'agree' | 'disagree' | 'waiting' {
  if (!c.answer) return 'waiting';
  return c.answer.agree ? 'agree' : 'disagree';
}

/**
 * The questions put to units before dispatch (征询意见): who was asked, the question, by when,
 * and each answer (agrees or not, with its note). Shown beside the dispatch form; dispatch does
 * not wait for the answers.
 */
export function ConsultationList({ order }: { order: Order }) {
  const { t } = useI18n();
  if (order.consultations.length === 0) return null;
  return (
    <section className="consultations" data-testid="consultation-list">
      <h4>{t('consult.title')}</h4>
      <ul className="subtask-list">
        {order.consultations.map((c) => {
          const state = answerState(c);
          return (
            <li key={c.id} data-testid="consultation" data-unit-id={c.unitId} data-answer={state}>
              <strong data-testid="consultation-unit">{c.unitName ?? t('unit.other')}</strong>
              <span data-testid="consultation-question">{c.question}</span>
              <span className="muted">{t('consult.due', { time: formatDateTime(c.dueAt) })}</span>
              <span className={`badge consult-${state}`} data-testid="consultation-answer">
                {t(`consult.${state}`)}
              </span>
              {c.answer?.note && <span data-testid="consultation-note">{c.answer.note}</span>}
              {c.answer && (
                <span className="muted">
                  {t('consult.answeredAt', { time: formatDateTime(c.answer.at) })}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
