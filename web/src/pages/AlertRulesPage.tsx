import { useCallback, useMemo, useState } from 'react';
import {
  ALERT_KINDS,
  type AlertKind,
  type AlertRule,
  createAlertRule,
  DEVICE_ALARMS,
  deleteAlertRule,
  fetchAlertRules,
  patchAlertRule,
} from '../api/alerts.ts';
import { fetchCategories } from '../api/categories.ts';
import { fetchUnits } from '../api/units.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useAction } from '../hooks/useAction.ts';
import { useAsync } from '../hooks/useAsync.ts';
import { useI18n } from '../i18n/context.tsx';
import type { MessageKey } from '../i18n/zh-CN.ts';

/** The numeric parameters each kind takes, as the form asks for them (deviceAlarm's bits are ticked). */
const NUMBERS: Record<AlertKind, readonly ('minutes' | 'marginM' | 'ratio' | 'speedKmh' | 'seconds')[]> = {
  offline: ['minutes'],
  idle: ['minutes'],
  outOfSegment: ['minutes', 'marginM'],
  lateStart: ['minutes'],
  lowCoverage: ['ratio'],
  overspeed: ['speedKmh', 'seconds'],
  deviceAlarm: [],
};

type Translate = ReturnType<typeof useI18n>['t'];

/** How a rule's parameters read in the list: "持续 10 分钟 · 缓冲 10 米", alarms by name. */
function paramsText(rule: AlertRule, t: Translate): string {
  return Object.entries(rule.params)
    .map(([k, v]) => {
      const n = Array.isArray(v)
        ? v.map((b) => t(`alertRules.alarm.${b}` as MessageKey)).join('、')
        : k === 'ratio'
          ? String(Math.round(Number(v) * 1000) / 10)
          : String(v);
      return t(`alertRules.param.${k}` as MessageKey, { n });
    })
    .join(' · ');
}

/** Alert rules (告警规则), for admins: the list (on/off, delete) and a form for a new rule. */
export function AlertRulesPage() {
  const { t } = useI18n();
  const rules = useAsync(useCallback(() => fetchAlertRules(), []));
  const units = useAsync(useCallback((signal: AbortSignal) => fetchUnits(signal, false), []));
  const categories = useAsync(useCallback((signal: AbortSignal) => fetchCategories(signal, true), []));
  const action = useAction();
  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const [kind, setKind] = useState<AlertKind>('outOfSegment');
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState('');
  const [numbers, setNumbers] = useState<Record<string, string>>({});
  const [bits, setBits] = useState<string[]>(['sos']);
  const [categoryId, setCategoryId] = useState('');

  const change = (run: () => Promise<unknown>) =>
    action
      .run(run, () => '')
      .then((ok) => {
        if (ok) rules.reload();
        return ok;
      });
  const submit = () => {
    const params: Record<string, unknown> =
      kind === 'deviceAlarm'
        ? { bits }
        : Object.fromEntries(NUMBERS[kind].filter((k) => numbers[k]).map((k) => [k, Number(numbers[k])]));
    return change(() =>
      createAlertRule({
        name: name.trim() || t(`alerts.kind.${kind}` as MessageKey),
        kind,
        params,
        unitId,
        openOrder: categoryId ? { categoryId, stage: 'before' } : null,
      }),
    ).then((ok) => {
      if (ok) setName('');
    });
  };

  return (
    <div className="page alert-rules-page" data-testid="alert-rules-page">
      <h2>{t('alertRules.title')}</h2>
      <ErrorNotice error={rules.error ?? action.error} />
      {rules.data && rules.data.items.length === 0 && <p className="empty">{t('alertRules.empty')}</p>}
      <ul className="alert-rules-list">
        {rules.data?.items.map((r) => (
          <li key={r.id} data-testid="alert-rule" data-kind={r.kind}>
            <span className="rule-name">
              <strong>{r.name}</strong>
              {r.name !== t(`alerts.kind.${r.kind}` as MessageKey) && (
                <> · {t(`alerts.kind.${r.kind}` as MessageKey)}</>
              )}
              {' · '}
              {paramsText(r, t)}
              <small className="muted">
                {' '}
                {unitNames.get(r.unitId) ?? ''}
                {r.openOrder ? ` · ${t('alertRules.opensOrder')}` : ''}
              </small>
            </span>
            <label>
              <input
                type="checkbox"
                checked={r.enabled}
                data-testid="alert-rule-enabled"
                onChange={() => change(() => patchAlertRule(r.id, { enabled: !r.enabled }))}
              />{' '}
              {t(r.enabled ? 'alertRules.enabled' : 'alertRules.disabled')}
            </label>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => change(() => deleteAlertRule(r.id))}
            >
              {t('alertRules.delete')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="alert-rule-form card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <strong>{t('alertRules.add')}</strong>
        <label>
          {t('alertRules.kind')}
          <select
            value={kind}
            data-testid="alert-rule-kind"
            onChange={(e) => setKind(e.target.value as AlertKind)}
          >
            {ALERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`alerts.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alertRules.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('alertRules.unit')}
          <select value={unitId} data-testid="alert-rule-unit" onChange={(e) => setUnitId(e.target.value)}>
            <option value="">—</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        {NUMBERS[kind].map((k) => (
          <label key={k}>
            {t(`alertRules.${k}` as MessageKey)}
            <input
              type="number"
              step="any"
              value={numbers[k] ?? ''}
              data-testid={`alert-rule-${k}`}
              onChange={(e) => setNumbers({ ...numbers, [k]: e.target.value })}
            />
          </label>
        ))}
        {kind === 'deviceAlarm' && (
          <fieldset>
            <legend>{t('alertRules.bits')}</legend>
            {DEVICE_ALARMS.map((b) => (
              <label key={b}>
                <input
                  type="checkbox"
                  checked={bits.includes(b)}
                  onChange={() => setBits(bits.includes(b) ? bits.filter((x) => x !== b) : [...bits, b])}
                />{' '}
                {t(`alertRules.alarm.${b}` as MessageKey)}
              </label>
            ))}
          </fieldset>
        )}
        <label>
          {t('alertRules.openOrder')}
          <select value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
            <option value="">{t('alertRules.noOrder')}</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.majorName} / {c.minorName}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn" disabled={action.busy} data-testid="alert-rule-create">
          {t('alertRules.create')}
        </button>
      </form>
    </div>
  );
}
