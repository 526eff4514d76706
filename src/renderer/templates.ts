// "New from template": the starting values of each kind of profile. Later connection kinds add a
// template here and, if they need fields of their own, a fieldset in ProfileForm.
import { profileSchema, type Profile } from '../shared/profile.js';

export type EditableProfile = Omit<Profile, 'id'>;
export const TEMPLATE_IDS = ['m365', 'google', 'graph', 'smtp', 'testMailbox'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

const TEMPLATE_VALUES: Record<TemplateId, Partial<EditableProfile>> = {
  m365: {
    connection: 'smtp',
    host: 'smtp.office365.com',
    port: 587,
    security: 'StartTls',
    auth: 'oauth',
    oauth: { ...defaults().oauth, provider: 'microsoft', mode: 'dialog' },
  },
  google: {
    connection: 'smtp',
    host: 'smtp.gmail.com',
    port: 587,
    security: 'StartTls',
    auth: 'oauth',
    oauth: { ...defaults().oauth, provider: 'google', mode: 'dialog' },
  },
  graph: {
    connection: 'graph',
    auth: 'oauth',
    oauth: { ...defaults().oauth, provider: 'microsoft', mode: 'dialog' },
  },
  smtp: { connection: 'smtp', port: 587, security: 'StartTls', auth: 'password' },
  testMailbox: { connection: 'test-mailbox', auth: 'none', fromAddress: 'buchhaltung@example.com' },
};

function defaults(): EditableProfile {
  const { id: _id, ...rest } = profileSchema.parse({
    id: 'template-0000',
    name: 'x',
    connection: 'smtp',
  });
  return rest;
}

export function fromTemplate(id: TemplateId, name: string): EditableProfile {
  return { ...defaults(), ...TEMPLATE_VALUES[id], name };
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
