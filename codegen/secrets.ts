/**
 * The rule for fields that contain credentials. Such a field is typed `SecretString` in a response, so it cannot
 * reach a log by accident, and `SecretInput` (a string or a `SecretString`) in a request.
 *
 * The rule is by field name, because the client wraps response values by key (see `secretKeys`
 * in `RequestSpec`), so a name must mean a secret wherever it appears in one response:
 *
 * - Always secret: tokens, passwords and keys that grant access by themselves.
 * - `value` is secret only in the schemas listed in {@link SCOPED_SECRET_FIELDS}: API key values
 *   and Vault values. Elsewhere (`emails[].value`, consent choices) it is plain data.
 * - Not secret, on purpose: one-time `code`s, because `code` also names error codes inside event
 *   payloads. `verification_token` is published in DNS. `obfuscated_value`, `secret_hint` and
 *   `user_code` are made to be shown.
 *
 * NOTE: a TOTP factor's `uri` and `qr_code` embed its secret but stay plain strings, because
 * `uri` also names redirect URIs.
 */
export const SECRET_FIELD_NAMES: ReadonlySet<string> = new Set([
  'access_token',
  'authkit_authorization_code',
  'client_secret',
  'code_verifier',
  'data_key',
  'device_code',
  'logout_token',
  'new_password',
  'password',
  'password_reset_token',
  'pending_authentication_token',
  'refresh_token',
  'secret',
  'token',
  'totp_secret',
]);

/** Field names that are secret only as direct properties of the named component schemas. */
export const SCOPED_SECRET_FIELDS: Readonly<Record<string, readonly string[]>> = {
  value: [
    'OrganizationApiKeyWithValue',
    'UserApiKeyWithValue',
    'ValidateApiKeyDto',
    'VaultObject',
    'CreateVaultObjectRequest',
    'UpdateVaultObjectRequest',
  ],
};

/** Returns whether a property contains a credential. `owner` is the component schema that declares it. */
export function isSecretField(name: string, owner: string | undefined): boolean {
  if (SECRET_FIELD_NAMES.has(name)) return true;
  const owners = SCOPED_SECRET_FIELDS[name];
  return owners !== undefined && owner !== undefined && owners.includes(owner);
}
