import { useI18n } from '../../i18n/context.tsx';

/** A metrics form's save and cancel. */
export function FormButtons({
  label,
  busy,
  testId,
  onCancel,
}: {
  label: string;
  busy: boolean;
  testId: string;
  onCancel(): void;
}) {
  const { t } = useI18n();
  return (
    <div className="form-buttons">
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid={testId}>
        {label}
      </button>
      <button type="button" className="btn btn-ghost" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
