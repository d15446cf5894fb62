type Claims = Record<string, unknown>;

const roleList = (holder: unknown): string[] => {
  const roles = (holder as { roles?: unknown } | undefined)?.roles;
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
};

/**
 * The provider roles a user holds, as Keycloak writes them: realm roles in `realm_access.roles` become
 * `realm:<role>`, this client's roles in `resource_access.<clientId>.roles` become `client:<role>`.
 * Several claim sets (ID token, access token) are merged.
 */
export function providerRoles(clientId: string, ...claimSets: Claims[]): Set<string> {
  const found = new Set<string>();
  for (const claims of claimSets) {
    for (const role of roleList(claims.realm_access)) found.add(`realm:${role}`);
    const resourceAccess = claims.resource_access as Record<string, unknown> | undefined;
    for (const role of roleList(resourceAccess?.[clientId])) found.add(`client:${role}`);
  }
  return found;
}

/** The Kontor role names the role map grants for these provider roles. */
export function mappedRoleNames(roleMap: ReadonlyMap<string, readonly string[]>, roles: Set<string>): string[] {
  const names = new Set<string>();
  for (const role of roles) for (const name of roleMap.get(role) ?? []) names.add(name);
  return [...names].sort();
}
