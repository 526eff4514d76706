// `{{Spalte}}` placeholders in subjects, texts and attachment names, filled from a message's fields
// (names matched case-insensitively). One implementation for manifests, mail templates, the CLI and
// the dialog's preview. A placeholder without a value is reported, never left in the message.
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

export function fillTemplate(
  template: string,
  fields: Record<string, string>,
): { text: string; missing: string[] } {
  const lower = new Map<string, string>();
  for (const [k, v] of Object.entries(fields)) lower.set(k.trim().toLowerCase(), v);
  const missing: string[] = [];
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    // own columns only: `{{constructor}}` or `{{__proto__}}` are names like any other
    const v = Object.hasOwn(fields, name) ? fields[name] : lower.get(name.toLowerCase());
    if (typeof v !== 'string' || v.trim() === '') {
      missing.push(name);
      return whole;
    }
    return v;
  });
  return { text, missing };
}

/** The placeholder names a text uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}
