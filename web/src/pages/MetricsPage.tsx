import { useRef, useState } from 'react';
import { ACTUAL_ENTERERS, deleteMetric } from '../api/metrics.ts';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice.tsx';
import { useAction } from '../hooks/useAction.ts';
import { useI18n } from '../i18n/context.tsx';
import { useSignedIn } from '../session/context.tsx';
import { ImportPanel } from './metrics/ImportPanel.tsx';
import { MetricList } from './metrics/MetricList.tsx';
import { MetricPanel, type Panel } from './metrics/MetricPanel.tsx';
import { actualRefusal, manageRefusal, type Refusal } from './metrics/model.ts';
import { useMetricsData } from './metrics/useMetricsData.ts';

const ROLE_NOTICE = 'metrics-role-notice';

/**
 * Metrics (指标管理): the list with this year's target and latest actual; admins and operators add,
 * edit, delete, set targets and import; the owner unit enters actuals; everyone else reads, each
 * refused button saying why.
 */
export function MetricsPage() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const data = useMetricsData();
  const remove = useAction();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const top = useRef<HTMLDivElement>(null);
  const say = (refusal: Refusal | null) => (refusal ? t(refusal.key, refusal.params) : null);
  const manage = say(manageRefusal(user.role));
  const actualIsRole = !ACTUAL_ENTERERS.includes(user.role);
  const readOnly = manage !== null && actualIsRole;
  const year = (data.today ?? '').slice(0, 4);

  const open = (next: Panel) => {
    setPanel(next);
    setDone(null);
    remove.clear();
    // The form opens above the list: bring it into view on a long list or a phone.
    requestAnimationFrame(() => top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  };
  const finish = (text: string) => {
    setPanel(null);
    setDone(text);
    data.reload();
  };

  return (
    <div className="page page-metrics" data-testid="metrics-page" ref={top}>
      <div className="page-head">
        <h1>{t('metrics.title')}</h1>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="metric-new"
          disabled={manage !== null}
          title={manage ?? undefined}
          aria-describedby={manage !== null ? ROLE_NOTICE : undefined}
          onClick={() => open({ kind: 'new' })}
        >
          {t('metrics.new')}
        </button>
      </div>
      {(readOnly || manage !== null) && (
        <p className="notice metric-role-notice" id={ROLE_NOTICE} data-testid="metrics-why">
          {readOnly ? t('metrics.why.readOnly') : manage}
        </p>
      )}
      <ErrorNotice error={data.error ?? remove.error} />
      <SuccessNotice text={done} />
      {panel && data.today && (
        <MetricPanel
          panel={panel}
          units={data.units}
          today={data.today}
          onDone={finish}
          onCancel={() => setPanel(null)}
        />
      )}
      <MetricList
        rows={data.rows}
        loaded={data.loaded}
        year={year}
        guardsOf={(row) => ({
          manage,
          actual: say(actualRefusal(user.role, user.unitId, row.metric, row.ownerName)),
          actualIsRole,
          roleNotice: ROLE_NOTICE,
        })}
        onEdit={(row) => open({ kind: 'edit', row })}
        onTarget={(row) => open({ kind: 'target', row })}
        onActual={(row) => open({ kind: 'actual', row })}
        onDelete={(row) =>
          void remove
            .run(
              () => deleteMetric(row.metric.id),
              () => '',
            )
            .then((ok) => ok && finish(t('metrics.deleted', { code: row.metric.code })))
        }
      />
      <ImportPanel why={manage} onImported={data.reload} />
    </div>
  );
}
