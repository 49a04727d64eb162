/** A labelled amount input (decimal keypad on a phone), marked when the API named its field. */
export function AmountField({
  label,
  name,
  value,
  invalid,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  invalid?: boolean;
  onChange(value: string): void;
}) {
  return (
    <label>
      {label}
      <input
        name={name}
        type="number"
        step="any"
        inputMode="decimal"
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
