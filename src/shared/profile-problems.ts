// Completeness checks of a profile: used for inline validation in the dialog, by `profile add/edit`
// and before every test or send. Pure, so the renderer and the core give the same answers.
import { isValidAddress } from './address.js';
import { fieldApplies, kindSpec } from './connection-kinds.js';
import type { Profile } from './profile.js';

export type ProblemCode =
  'required' | 'invalidAddress' | 'invalidHost' | 'authRequired' | 'oauthOnly' | 'authNotUsed';

export interface ProfileProblem {
  field:
    | keyof Profile
    | 'oauth.clientId'
    | 'oauth.tenantId'
    | 'oauth.authorityUrl'
    | 'oauth.graphUrl'
    | 'messages.controlCopy'
    | 'messages.replyTo';
  code: ProblemCode;
}

const HOST =
  /^(?=.{1,253}$)([a-zA-Z0-9\u0080-\uffff]([a-zA-Z0-9\u0080-\uffff-]{0,61}[a-zA-Z0-9\u0080-\uffff])?)(\.[a-zA-Z0-9\u0080-\uffff]([a-zA-Z0-9\u0080-\uffff-]{0,61}[a-zA-Z0-9\u0080-\uffff])?)*$|^\[?[0-9a-fA-F:.]+\]?$/;

export function isValidHost(host: string): boolean {
  return HOST.test(host.trim());
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

export function profileProblems(p: Profile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const spec = kindSpec(p.connection);
  if (spec.needsSender && !p.fromAddress) problems.push({ field: 'fromAddress', code: 'required' });
  if (p.fromAddress && !isValidAddress(p.fromAddress))
    problems.push({ field: 'fromAddress', code: 'invalidAddress' });
  if (fieldApplies(p.connection, 'host', p.auth)) {
    if (!p.host) problems.push({ field: 'host', code: 'required' });
    else if (!isValidHost(p.host)) problems.push({ field: 'host', code: 'invalidHost' });
  }
  if (fieldApplies(p.connection, 'user', p.auth) && !p.user)
    problems.push({ field: 'user', code: 'required' });
  if (!spec.auth.includes(p.auth))
    problems.push({
      field: 'auth',
      code: spec.auth.length === 1 && spec.auth[0] === 'oauth' ? 'oauthOnly' : 'authNotUsed',
    });
  if (fieldApplies(p.connection, 'oauth', p.auth)) {
    if (p.oauth.authorityUrl && !isHttpsUrl(p.oauth.authorityUrl))
      problems.push({ field: 'oauth.authorityUrl', code: 'invalidHost' });
    if (p.oauth.graphUrl && !isHttpsUrl(p.oauth.graphUrl))
      problems.push({ field: 'oauth.graphUrl', code: 'invalidHost' });
  }
  for (const field of ['controlCopy', 'replyTo'] as const)
    if (p.messages[field] && !isValidAddress(p.messages[field]))
      problems.push({ field: `messages.${field}`, code: 'invalidAddress' });
  return problems;
}

export { fieldLabelKey } from './field-label.js';
