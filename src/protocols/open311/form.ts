// POST Service Request bodies are application/x-www-form-urlencoded (GeoReport v2 "POST Service
// Request": Format sent). Values are kept as lists: a multivaluelist attribute repeats its key.

/** Form fields by name, every value in arrival order. */
export type FormFields = ReadonlyMap<string, readonly string[]>;

/** Parses a form body (WHATWG urlencoded rules: '+' is a space, bad %-escapes stay as they are; never throws). */
export function parseForm(body: string): FormFields {
  const fields = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(body)) {
    const values = fields.get(name);
    if (values) values.push(value);
    else fields.set(name, [value]);
  }
  return fields;
}

// attribute[CODE]=value, or attribute[CODE][]=value repeated for a multivaluelist ("attribute").
const ATTRIBUTE = /^attribute\[([^\]]*)\](\[\])?$/;

/** The `attribute[code]` fields by attribute code, values of `attribute[code][]` gathered with them. */
export function attributesOf(form: FormFields): Map<string, string[]> {
  const attributes = new Map<string, string[]>();
  for (const [name, values] of form) {
    const code = ATTRIBUTE.exec(name)?.[1];
    if (code === undefined) continue;
    attributes.set(code, [...(attributes.get(code) ?? []), ...values]);
  }
  return attributes;
}

/** Names of fields that look like attributes but are not `attribute[code]` or `attribute[code][]`. */
export function malformedAttributeNames(form: FormFields): string[] {
  return [...form.keys()].filter((name) => name.startsWith('attribute') && !ATTRIBUTE.test(name));
}
