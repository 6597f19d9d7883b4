/**
 * Method names that the rules in naming.ts do not derive, keyed by `METHOD /path` exactly as in
 * the spec. Each is the name WorkOS's official SDKs publish (for the URL builders, the name of
 * their redirect helpers) where it differs from the API reference title.
 */
export const METHOD_NAME_OVERRIDES: Record<string, string> = {
  // Redirect endpoints: the SDK builds the URL, so the methods are named for what they return.
  'GET /sso/authorize': 'getAuthorizationUrl',
  'GET /sso/logout': 'getLogoutUrl',
  'GET /user_management/authorize': 'getAuthorizationUrl',
  'GET /user_management/sessions/logout': 'getLogoutUrl',

  // SSO: "Get a User Profile".
  'GET /sso/profile': 'getProfile',

  // Authorization: the SDK verbs are shorter than the reference titles. The two role-assignment
  // removals are named as in the SDKs, where `removeRole` takes the role and resource and
  // `removeRoleAssignment` takes the assignment ID.
  'POST /authorization/organization_memberships/{organization_membership_id}/check': 'check',
  'GET /authorization/organization_memberships/{organization_membership_id}/resources/{resource_id}/permissions':
    'listEffectivePermissions',
  'GET /authorization/organization_memberships/{organization_membership_id}/resources/{resource_type_slug}/{external_id}/permissions':
    'listEffectivePermissionsByExternalId',
  'DELETE /authorization/organization_memberships/{organization_membership_id}/role_assignments':
    'removeRole',
  'DELETE /authorization/organization_memberships/{organization_membership_id}/role_assignments/{role_assignment_id}':
    'removeRoleAssignment',
  'GET /authorization/resources/{resource_id}/organization_memberships':
    'listMembershipsForResource',

  // Feature flags enabled for one organization or user.
  'GET /organizations/{organizationId}/feature-flags': 'listOrganizationFeatureFlags',
  'GET /user_management/users/{userId}/feature-flags': 'listUserFeatureFlags',

  // Pipes: "Get authorization URL" is a POST that returns the URL, so it is not named like the
  // URL builders above.
  'POST /data-integrations/{slug}/authorize': 'authorizeDataIntegration',
  'POST /data-integrations/{slug}/token': 'getAccessToken',

  // User Management objects the SDKs name without "code", "token" or "details".
  'GET /user_management/email_verification/{id}': 'getEmailVerification',
  'POST /user_management/magic_auth': 'createMagicAuth',
  'GET /user_management/magic_auth/{id}': 'getMagicAuth',
  'POST /user_management/password_reset': 'createPasswordReset',
  'GET /user_management/password_reset/{id}': 'getPasswordReset',
  'POST /user_management/users/{userlandUserId}/auth_factors': 'enrollAuthFactor',
  'GET /user_management/users/{userlandUserId}/auth_factors': 'listAuthFactors',
  // "List groups" would read as the organization's groups.
  'GET /user_management/organization_memberships/{omId}/groups': 'listOrganizationMembershipGroups',

  // Widgets: "Generate a widget token".
  'POST /widgets/token': 'getToken',
};

/**
 * Phrases of API reference titles replaced before the naming rule runs: the reference calls an
 * organization's own roles "custom roles", the SDKs call them organization roles.
 */
export const SUMMARY_VOCABULARY: Array<[phrase: string, replacement: string]> = [
  ['custom role', 'organization role'],
];

/**
 * Method names of the `POST /user_management/authenticate` variants, by `grant_type`, where the
 * rule (`authenticateWith` + the grant type's last words, without a trailing `code`) gives
 * another name than the SDKs.
 */
export const AUTHENTICATE_VARIANT_OVERRIDES: Record<string, string> = {
  authorization_code: 'authenticateWithCode',
  'urn:workos:oauth:grant-type:mfa-totp': 'authenticateWithTotp',
};

/**
 * Names of inline enums whose values recur under many owners, keyed by their sorted values
 * joined with `|`. Every other enum is named after the type and property that hold it.
 */
export const ENUM_NAME_OVERRIDES: Record<string, string> = {
  'asc|desc|normal': 'PaginationOrder',
};

/**
 * Names WorkOS's SDKs give to spec schemas whose spec names carry internal words ("Userland",
 * "Json", "StandAlone"). Each is exported as an alias next to the spec's own name.
 */
export const MODEL_ALIASES: Record<string, string> = {
  AuditLogExport: 'AuditLogExportJson',
  AuthenticationResponse: 'UserlandAuthenticateResponse',
  Event: 'EventSchema',
  Invitation: 'UserlandUserInvite',
  OrganizationDomain: 'OrganizationDomainStandAlone',
  OrganizationMembership: 'UserlandUserOrganizationMembership',
  Permission: 'AuthorizationPermission',
  User: 'UserlandUser',
  WebhookEndpoint: 'WebhookEndpointJson',
};

/**
 * Operations that the spec leaves under the default API-key security but that WorkOS serves to
 * anyone, keyed like {@link METHOD_NAME_OVERRIDES}. The SDK sends no API key to them, so a client
 * without one (in a browser or at the edge) can still call them.
 */
export const UNAUTHENTICATED_OPERATIONS: ReadonlySet<string> = new Set([
  // The JSON Web Key Set that verifies AuthKit and SSO access tokens is public by design.
  'GET /sso/jwks/{clientId}',
]);
