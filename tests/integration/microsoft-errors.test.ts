// Microsoft's refusals named as the docs promise (issue 12): an unknown tenant (AADSTS90002, which
// MSAL reports as a failed endpoint lookup) is "wrong tenant", exit 3, not a connection failure; an
// application without mail permissions (AADSTS650057) is "permissions missing", not "not registered".
// The unknown tenant comes from a real HTTPS sign-in server on loopback answering as Entra ID does
// (with escape sequences in its error_description, which the terminal must show, not run).
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapOAuthError } from '../../src/main/oauth/oauth-errors.js';
import { profileSchema } from '../../src/shared/profile.js';
import { createTestCa, type TestCa } from '../helpers/certs.js';
import { runCli, tempHome } from '../helpers/cli.js';

let ca: TestCa;
let server: https.Server;
let authority = '';
const paths: string[] = [];

beforeAll(async () => {
  ca = createTestCa();
  const tls = ca.issue('entra', ['127.0.0.1']);
  // every lookup of this "directory" answers like Entra ID for a tenant that does not exist
  server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    paths.push(req.url ?? '');
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: 'invalid_tenant',
        error_description:
          "AADSTS90002: Tenant 'nirgendwo.example' not found.\u001b]0;gekapert\u0007\u001b[2J Check the tenant ID.",
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  authority = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe('Microsoft sign-in refusals', () => {
  it('an unknown tenant is "wrong tenant", exit 3 (not a connection failure)', async () => {
    const home = tempHome();
    const add = await runCli(
      [
        'profile',
        'add',
        'M365',
        '--oauth',
        'dialog',
        '--provider',
        'microsoft',
        '--client-id',
        '11111111-2222-3333-4444-555555555555',
        '--tenant-id',
        'nirgendwo.example',
        '--authority-url',
        authority,
        '--ca-file',
        ca.caFile,
        '--user',
        'buchhaltung@firma.example',
        '--from',
        'buchhaltung@firma.example',
      ],
      { home },
    );
    expect(add.code, add.stderr).toBe(0);
    const r = await runCli(['login', '--profile', 'M365', '--json'], { home, env: { BROWSER: 'true' } });
    expect(r.code, r.stdout + r.stderr).toBe(3);
    expect(r.json()).toMatchObject({
      error: { code: 'oauthWrongTenant', params: { tenant: 'nirgendwo.example' } },
    });
    expect(paths.some((p) => p.includes('nirgendwo.example'))).toBe(true);
    // the provider's error_description reaches the terminal with its escape sequences shown, not run
    const text = await runCli(['login', '--profile', 'M365'], { home, env: { BROWSER: 'true' } });
    expect(text.code).toBe(3);
    expect(text.stderr).toContain('AADSTS90002');
    expect(text.stderr).toContain('\\x1b]0;gekapert\\x07');
    expect(text.stderr).not.toContain('\u001b');
  });

  it('an application without mail permissions (AADSTS650057) is "permissions missing"', () => {
    const profile = profileSchema.parse({ id: 'p-00000001', name: 'M', connection: 'smtp', auth: 'oauth' });
    const e = mapOAuthError(
      {
        errorCode: 'invalid_client',
        errorMessage:
          "AADSTS650057: Invalid resource. The client has requested access to a resource which isn't listed in the requested permissions in the client's application registration.",
      },
      { profile, clientId: 'cid', tenant: 'firma', authority: 'https://login.microsoftonline.com/firma' },
    );
    expect(e.code).toBe('oauthPermissionsMissing');
    expect(e.exitCode).toBe(3);
    expect(e.params.clientId).toBe('cid');
  });
});
