// Node's TLS verification codes that mean "the certificate is not trusted" (as opposed to a name
// mismatch, ERR_TLS_CERT_ALTNAME_INVALID). Shared by SMTP and the HTTPS clients (OAuth, Graph).
export const UNTRUSTED_CERT_CODES: ReadonlySet<string> = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
]);

export const CERT_NAME_MISMATCH = 'ERR_TLS_CERT_ALTNAME_INVALID';
