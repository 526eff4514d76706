// A real OpenID Connect provider (the `oidc-provider` package) over HTTPS with the test CA: it plays
// Microsoft Entra ID and Google for the sign-in tests. Its development login and consent pages are
// real HTML forms a real browser fills in. Access tokens are JWTs signed with its own key, so the test
// SMTP server and the test Graph endpoint verify them against its JWKS, as Microsoft's and Google's
// services do. Everything it issued and every token grant it answered is recorded.
import { randomBytes } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type ClientLike, type KoaContextWithOIDC } from 'oidc-provider';

/** Resource servers (audience → the scopes it knows), as the real providers name them. */
export const RESOURCES = {
  smtp: { audience: 'https://outlook.office.com', scopes: ['https://outlook.office.com/SMTP.Send'] },
  graph: {
    audience: 'https://graph.microsoft.com',
    scopes: [
      'https://graph.microsoft.com/Mail.Send',
      'https://graph.microsoft.com/Mail.ReadWrite',
      'https://graph.microsoft.com/Mail.Send.Shared',
    ],
  },
  google: { audience: 'https://mail.google.com/', scopes: ['https://mail.google.com/'] },
} as const;

export const MS_CLIENT_ID = 'b6d6f6a2-0c1e-4a53-9d0f-opos-test-ms';
export const GOOGLE_CLIENT_ID = 'opos-test-google.apps.example';
export const GOOGLE_CLIENT_SECRET = 'GOCSPX-not-confidential-test';

export interface GrantRecord {
  grantType: string;
  clientId: string;
  ok: boolean;
  error?: string;
  /** The refresh token presented (refresh_token grant) and the one issued back. */
  presentedRefreshToken?: string;
  issuedRefreshToken?: string;
}

export interface TestOidcProvider {
  issuer: string;
  jwksUri: string;
  /** Every authorization request's query, as the provider received it. */
  authorizationRequests: URLSearchParams[];
  grants: GrantRecord[];
  /** Access-token lifetime per resource; below 300 s MSAL refreshes on every silent call. */
  accessTokenTtl: Record<keyof typeof RESOURCES, number>;
  close(): Promise<void>;
}

function resourceFor(scope: string): string | undefined {
  if (scope.includes('SMTP.Send')) return RESOURCES.smtp.audience;
  if (scope.includes('graph.microsoft.com/')) return RESOURCES.graph.audience;
  if (scope.includes('https://mail.google.com/')) return RESOURCES.google.audience;
  return undefined;
}

export async function startOidcProvider(tls: { key: string; cert: string }): Promise<TestOidcProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', use: 'sig', alg: 'RS256' };
  const server = https.createServer({ key: tls.key, cert: tls.cert });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `https://127.0.0.1:${port}`;

  const authorizationRequests: URLSearchParams[] = [];
  const grants: GrantRecord[] = [];
  const accessTokenTtl = { smtp: 3600, graph: 3600, google: 3600 };
  const byAudience = new Map<string, keyof typeof RESOURCES>(
    Object.entries(RESOURCES).map(([k, v]) => [v.audience, k as keyof typeof RESOURCES]),
  );

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: MS_CLIENT_ID,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: ['http://localhost'],
      },
      {
        client_id: GOOGLE_CLIENT_ID,
        client_secret: GOOGLE_CLIENT_SECRET,
        application_type: 'native',
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: ['http://127.0.0.1'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    extraParams: ['access_type', 'login_hint'],
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({
        sub: id,
        email: `${id}@firma.example`,
        email_verified: true,
        preferred_username: `${id}@firma.example`,
        name: id,
      }),
    }),
    features: {
      devInteractions: { enabled: true },
      userinfo: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: (ctx: KoaContextWithOIDC) => {
          const scope = ctx.oidc.params?.scope;
          return resourceFor(typeof scope === 'string' ? scope : '');
        },
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, indicator: string) => {
          const key = byAudience.get(indicator);
          if (!key) throw new Error(`unknown resource ${indicator}`);
          return {
            scope: RESOURCES[key].scopes.join(' '),
            audience: RESOURCES[key].audience,
            accessTokenTTL: accessTokenTtl[key],
            accessTokenFormat: 'jwt',
          };
        },
      },
    },
    // Google has no offline_access scope: its desktop clients get a refresh token from access_type=offline
    issueRefreshToken: (_ctx: unknown, client: ClientLike, code: { scopes: Set<string> }) =>
      client.grantTypeAllowed('refresh_token') &&
      (client.clientId === GOOGLE_CLIENT_ID || code.scopes.has('offline_access')),
    expiresWithSession: () => false,
    ttl: {
      AccessToken: (_ctx: unknown, token: unknown) =>
        (token as { resourceServer?: { accessTokenTTL?: number } }).resourceServer?.accessTokenTTL ?? 3600,
      IdToken: 3600,
      RefreshToken: 14 * 24 * 3600,
      Session: 3600,
      Grant: 14 * 24 * 3600,
      Interaction: 600,
    },
  });
  provider.proxy = false;

  // Like the real providers: record authorization requests; Microsoft gives a refresh token only with
  // consent (add prompt=consent, see the notes); Google refuses offline_access with invalid_scope.
  provider.use(async (ctx, next) => {
    if (ctx.path === '/auth' && ctx.method === 'GET') {
      const q = new URLSearchParams(ctx.querystring);
      authorizationRequests.push(q);
      if (q.get('client_id') === GOOGLE_CLIENT_ID && q.get('scope')?.split(' ').includes('offline_access')) {
        const redirect = new URL(q.get('redirect_uri') ?? '');
        redirect.searchParams.set('error', 'invalid_scope');
        redirect.searchParams.set('error_description', 'offline_access is not a valid scope at Google');
        redirect.searchParams.set('state', q.get('state') ?? '');
        ctx.redirect(redirect.href);
        return;
      }
      if (!q.get('prompt')) {
        q.set('prompt', 'consent');
        ctx.querystring = q.toString();
      }
    }
    await next();
  });
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    const params = ctx.oidc.params as Record<string, string | undefined>;
    const body = ctx.body as { refresh_token?: string } | undefined;
    grants.push({
      grantType: params.grant_type ?? '',
      clientId: ctx.oidc.client?.clientId ?? '',
      ok: true,
      ...(params.refresh_token ? { presentedRefreshToken: params.refresh_token } : {}),
      ...(body?.refresh_token ? { issuedRefreshToken: body.refresh_token } : {}),
    });
  });
  provider.on('grant.error', (ctx: KoaContextWithOIDC, err: Error & { error?: string }) => {
    const params = (ctx.oidc?.params ?? {}) as Record<string, string | undefined>;
    grants.push({
      grantType: params.grant_type ?? '',
      clientId: ctx.oidc?.client?.clientId ?? '',
      ok: false,
      error: err.error ?? err.message,
      ...(params.refresh_token ? { presentedRefreshToken: params.refresh_token } : {}),
    });
  });

  const callback = provider.callback();
  server.on('request', callback);
  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    authorizationRequests,
    grants,
    accessTokenTtl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
