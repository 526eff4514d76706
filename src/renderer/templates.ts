// "Neu …": the starting values of each kind of profile. The entries come from the connection-kind
// registry (src/shared/connection-kinds.ts), so a new kind brings its own "Neu …" entry.
import { TEMPLATE_IDS, templateValues, type TemplateId } from '../shared/connection-kinds.js';
import { profileSchema, type Profile } from '../shared/profile.js';

export type EditableProfile = Omit<Profile, 'id'>;
export { TEMPLATE_IDS, type TemplateId };

function defaults(): EditableProfile {
  const { id: _id, ...rest } = profileSchema.parse({
    id: 'template-0000',
    name: 'x',
    connection: 'smtp',
  });
  return rest;
}

export function fromTemplate(id: TemplateId, name: string): EditableProfile {
  const base = defaults();
  const values = templateValues(id);
  return {
    ...base,
    ...values,
    oauth: { ...base.oauth, ...(values.oauth ?? {}) },
    throttle: { ...base.throttle, ...(values.throttle ?? {}) },
    handoff: { ...base.handoff, ...(values.handoff ?? {}) },
    name,
  };
}

/** A name not used yet: "SMTP-Server", "SMTP-Server 2", … */
export function uniqueName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((n) => n.toLocaleLowerCase()));
  if (!lower.has(base.toLocaleLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base} ${i}`.toLocaleLowerCase())) return `${base} ${i}`;
}

export function editableOf(p: Profile): EditableProfile {
  const { id: _id, ...rest } = p as Profile & { hasPassword?: boolean };
  delete (rest as { hasPassword?: boolean }).hasPassword;
  return rest;
}
