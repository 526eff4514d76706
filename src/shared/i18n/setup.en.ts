// English: a new profile from an e-mail address (see setup.de.ts).
import type { SetupMessages } from './types.js';

export const setupEn: SetupMessages = {
  sources: {
    'dns-mx': 'from the DNS (MX)',
    'provider-config': "provider's configuration",
    'dns-srv': 'from the DNS (SRV)',
    ispdb: 'ISPDB',
    guess: 'guessed and checked',
    address: 'from the e-mail address',
  },
  steps: {
    mx: 'Microsoft 365 / Google Workspace (MX records)',
    autoconfig: "Provider's configuration (autoconfig, https)",
    srv: 'SRV records (RFC 6186/8314)',
    ispdb: 'ISPDB (bundled)',
    guess: 'Guess and check with the connection test',
  },
  status: {
    found: 'found',
    nothing: 'nothing found',
    refused: 'refused',
    failed: 'failed',
    skipped: 'skipped',
  },
  reasons: {
    noRecords: 'no records',
    notProvider: 'not Microsoft 365 / Google Workspace',
    timeout: 'no answer in time',
    dnsFailed: 'DNS query failed',
    httpStatus: 'no configuration at this address',
    redirectToHttp: 'redirect to unencrypted http – not followed',
    tooManyRedirects: 'too many redirects',
    tooLarge: 'answer too large',
    malformed: 'answer is not valid configuration XML',
    badHostname: 'server name with forbidden characters (e.g. control characters)',
    plainTextOnly: 'offered only without encryption – not proposed',
    tlsFailed: 'certificate not trusted',
    connectFailed: 'not reachable',
    notInIspdb: 'not in the ISPDB',
    notNeeded: 'not needed, already found',
    noOutgoingServer: 'no outgoing (SMTP) server given',
  },
  warnings: {
    plainText: 'Warning: unencrypted – password and messages could be read on the way.',
    otherDomain:
      'The server is not in your domain (from an SRV record). Please check that it belongs to your provider.',
  },
  fields: {
    oauthProvider: 'OAuth provider',
  },
  lookingUp: 'Looking up the settings for {{address}} …',
  proposal: 'Proposal: {{label}}',
  provider: 'Provider: {{provider}}',
  alternatives: 'Alternatives:',
  stepsTitle: 'Lookup steps:',
  nothingTrustworthy: 'Nothing trustworthy found.',
  testing: 'Connection test before saving …',
  saved: 'Profile "{{name}}" created – the connection test succeeded.',
  savedOauth:
    'Profile "{{name}}" created. Please sign in now: opos-mail login --profile "{{name}}"; then opos-mail test --profile "{{name}}" checks the connection.',
  took: 'Lookup took {{ms}} ms',
};
