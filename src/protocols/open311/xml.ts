// The smallest XML writer GeoReport v2 needs: elements with text content, no attributes, no
// namespaces ("XML Support": schemaless, no namespace declaration), UTF-8.

/** The declaration every GeoReport v2 XML document starts with ("Encoding": UTF-8 everywhere). */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

// XML 1.0 §2.2 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and the astral planes. Anything
// else (other C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot appear even escaped.
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function replaceNonXmlChars(text: string): string {
  let out = '';
  // Iterating a string walks code points: a paired surrogate comes as one, a lone one by itself.
  for (const ch of text) out += isXmlChar(ch.codePointAt(0) ?? 0) ? ch : '\uFFFD';
  return out;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text made safe as element content: markup characters escaped, characters XML cannot carry replaced by U+FFFD. */
export function escapeXmlText(text: string): string {
  return replaceNonXmlChars(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

// A conservative subset of XML Name (§2.3): ASCII letters, digits, '_', '-', '.', not starting with a digit, '-', '.' or "xml".
const NAME = /^(?!xml)[A-Za-z_][A-Za-z0-9_.-]*$/i;

/** Whether a string can be used as an element name as it is. */
export function isXmlName(name: string): boolean {
  return NAME.test(name);
}

/** `<name>escaped text</name>`, or `<name/>` for no text; a bad name is a programming error and throws. */
export function xmlElement(name: string, content: string | null): string {
  if (!isXmlName(name)) throw new Error(`"${name}" is not a valid XML element name`);
  return content === null || content === '' ? `<${name}/>` : `<${name}>${content}</${name}>`;
}
