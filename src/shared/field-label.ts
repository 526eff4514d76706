// The i18n key of a profile field's label, apart from the profile checks (error texts need it, and
// loading the checks would load the profile schema).

/** The i18n key (under `core:fields.`) of a profile field, e.g. `oauth.clientId` → `oauthClientId`. */
export function fieldLabelKey(field: string): string {
  return field.replace(/\.(\w)/g, (_m, c: string) => c.toUpperCase());
}
