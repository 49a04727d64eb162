import { ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useI18n } from '../../i18n/context.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { fieldsNamed } from './model.ts';

/** The fields an error names ("ownerUnitId"), for the form to mark them. */
export function errorFields(error: unknown): string[] {
  return error instanceof ApiError ? fieldsNamed(error.details) : [];
}

/** A field's label, or its API name when the page has none for it. */
export function useFieldLabel(): (field: string) => string {
  const { t } = useI18n();
  // An unknown key translates to undefined at run time, whatever its type says.
  return (field) => t(`metrics.field.${field}` as MessageKey) || field;
}

/**
 * An API error under its Chinese title from the catalogue (ErrorNotice), with the fields it names
 * spelled out by their labels ("请检查：编码、责任单位").
 */
export function FieldErrorNotice({ error }: { error: unknown }) {
  const { t } = useI18n();
  const label = useFieldLabel();
  const fields = errorFields(error);
  if (error === null || error === undefined) return null;
  return (
    <div className="field-error">
      <ErrorNotice error={error} />
      {fields.length > 0 && (
        <p className="field-error-fields" data-testid="error-fields" data-fields={fields.join(' ')}>
          {t('metrics.fieldsNamed', { fields: fields.map(label).join('、') })}
        </p>
      )}
    </div>
  );
}
