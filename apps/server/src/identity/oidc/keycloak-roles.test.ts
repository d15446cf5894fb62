import { describe, expect, it } from 'vitest';
import { mappedRoleNames, providerRoles } from './keycloak-roles.js';

describe('Keycloak roles', () => {
  it('reads realm roles and this client’s roles, ignoring other clients', () => {
    const roles = providerRoles('kontor', {
      realm_access: { roles: ['desk-agent', 'offline_access'] },
      resource_access: { kontor: { roles: ['admin'] }, account: { roles: ['manage-account'] } },
    });
    expect([...roles].sort()).toEqual(['client:admin', 'realm:desk-agent', 'realm:offline_access']);
  });

  it('merges the ID token and the access token and ignores malformed claims', () => {
    const roles = providerRoles(
      'kontor',
      { realm_access: { roles: 'desk-agent' }, resource_access: null },
      { realm_access: { roles: ['desk-admin', 7] } },
    );
    expect([...roles]).toEqual(['realm:desk-admin']);
  });

  it('maps provider roles to Kontor roles, several to one and one to several', () => {
    const map = new Map([
      ['realm:desk-agent', ['Service desk agent']],
      ['realm:desk-admin', ['Service desk administrator', 'Service desk agent']],
    ]);
    expect(mappedRoleNames(map, new Set(['realm:desk-agent', 'realm:desk-admin', 'realm:unmapped']))).toEqual([
      'Service desk administrator',
      'Service desk agent',
    ]);
  });
});
