// Provider answers (Microsoft Entra ID's AADSTS codes, Google's OAuth errors, RFC 6749 error codes)
// mapped onto the product's outcomes, each with what to do. Error descriptions of providers carry no
// secrets; they are shortened to one line.
import type { Profile } from '../../shared/profile.js';
import { MailError } from '../errors/mail-error.js';
import { mapNetworkError } from './http.js';
import { AuthorizationError } from './loopback.js';

export interface OAuthErrorContext {
  profile: Profile;
  clientId: string;
  tenant: string;
  /** The sign-in host (for network errors). */
  authority: string;
}

function oneLine(s: unknown): string {
  return (typeof s === 'string' ? s : '')
    .replace(/\s+/g, ' ')
    .replace(/Trace ID:.*$/i, '')
    .trim()
    .slice(0, 300);
}

/** The error code and description of whatever a library threw. */
function parts(e: unknown): { code: string; sub: string; description: string; network?: unknown } {
  if (e instanceof AuthorizationError) return { code: e.error, sub: '', description: e.description };
  const any = (e ?? {}) as Record<string, unknown>;
  // MSAL: AuthError / ServerError / InteractionRequiredAuthError
  if (typeof any.errorCode === 'string') {
    const code = any.errorCode;
    const description = oneLine(any.errorMessage ?? any.message);
    if (code === 'network_error' || code === 'endpoints_resolution_error' || code === 'openid_config_error')
      return { code, sub: '', description, network: any.cause ?? any.networkError ?? e };
    return { code, sub: typeof any.subError === 'string' ? any.subError : '', description };
  }
  // gaxios (google-auth-library): response body { error, error_description }
  const response = any.response as { data?: { error?: unknown; error_description?: unknown } } | undefined;
  if (response?.data && typeof response.data.error === 'string')
    return { code: response.data.error, sub: '', description: oneLine(response.data.error_description) };
  const code = typeof any.code === 'string' ? any.code : '';
  if (
    /^E[A-Z]+|CERT|SELF_SIGNED|UNABLE_TO/.test(code) ||
    any.name === 'FetchError' ||
    any.name === 'GaxiosError'
  )
    return { code: 'network_error', sub: '', description: oneLine(any.message), network: any.cause ?? e };
  return { code: '', sub: '', description: oneLine(any.message ?? e) };
}

function findNetworkCause(e: unknown): unknown {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur; i++) {
    const c = cur as { code?: unknown; cause?: unknown };
    if (typeof c.code === 'string' && /^E[A-Z_]+$|CERT|SELF_SIGNED|UNABLE_TO/.test(c.code)) return cur;
    cur = c.cause;
  }
  return e;
}

export function mapOAuthError(e: unknown, ctx: OAuthErrorContext): MailError {
  if (e instanceof MailError) return e;
  const { code, sub, description, network } = parts(e);
  const text = `${code} ${sub} ${description}`;
  const detail = oneLine(`${code}${description ? ': ' + description : ''}`);
  const profile = ctx.profile.name;

  // the directory answered, and said the tenant does not exist (MSAL reports it as a failed lookup)
  if (/AADSTS90002\b|invalid_tenant/.test(text))
    return new MailError('oauthWrongTenant', { tenant: ctx.tenant, detail }, { cause: e });
  if (network !== undefined || code === 'network_error')
    return mapNetworkError(findNetworkCause(network ?? e), ctx.authority);
  // the application exists but may not ask for mail permissions: not "not registered"
  if (/AADSTS650057|AADSTS650056/.test(text))
    return new MailError('oauthPermissionsMissing', { clientId: ctx.clientId, detail }, { cause: e });
  if (/AADSTS65001|AADSTS65004|AADSTS90094|AADSTS90008|consent_required|admin_policy_enforced/.test(text))
    return new MailError('oauthConsentMissing', { detail }, { cause: e });
  if (/AADSTS90002|AADSTS900023|AADSTS50020|AADSTS500208|AADSTS90072|AADSTS50128/.test(text))
    return new MailError('oauthWrongTenant', { tenant: ctx.tenant, detail }, { cause: e });
  if (/AADSTS700016|AADSTS7000218|AADSTS50011|invalid_client|unauthorized_client|deleted_client/.test(text))
    return new MailError('oauthAppUnknown', { clientId: ctx.clientId, detail }, { cause: e });
  if (/invalid_grant|AADSTS70008|AADSTS700082|AADSTS50173|AADSTS700084|bad_token/.test(text))
    return new MailError('oauthRefreshExpired', { profile }, { cause: e });
  if (code === 'access_denied') return new MailError('oauthCancelled', { detail }, { cause: e });
  if (code === 'invalid_scope') return new MailError('oauthConsentMissing', { detail }, { cause: e });
  if (
    /interaction_required|login_required|no_tokens_found|no_account_in_silent_request|native_account_unavailable|refresh_token_expired/.test(
      text,
    )
  )
    return new MailError('signInRequired', { profile }, { cause: e });
  if (code === 'invalid_issuer' || code === 'state_mismatch')
    return new MailError('oauthCancelled', { detail }, { cause: e });
  return new MailError('unexpected', { detail: detail || 'sign-in failed' }, { cause: e });
}
