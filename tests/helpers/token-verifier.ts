// Verifies OAuth access tokens as Exchange Online, Gmail and Microsoft Graph do: a JWT signed by the
// provider (its JWKS, fetched over HTTPS with the test CA), issued by it, for the right audience, with
// the scopes the operation needs, not expired.
import https from 'node:https';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';

export interface TokenVerifier {
  verify(token: string, audience: string, requiredScopes: string[]): Promise<JWTPayload>;
}

function getJson(url: string, ca: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(body));
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
      })
      .on('error', reject);
  });
}

export async function tokenVerifier(issuer: string, jwksUri: string, caPem: string): Promise<TokenVerifier> {
  const jwks = createLocalJWKSet((await getJson(jwksUri, caPem)) as JSONWebKeySet);
  return {
    async verify(token, audience, requiredScopes) {
      const { payload } = await jwtVerify(token, jwks, { issuer, audience });
      const raw = payload.scope ?? payload.scp;
      const granted = (typeof raw === 'string' ? raw : '').split(' ');
      const missing = requiredScopes.filter((s) => !granted.includes(s));
      if (missing.length) throw new Error(`scope missing: ${missing.join(' ')}`);
      return payload;
    },
  };
}
