import type { TFunction } from 'i18next';

/**
 * Permissions and modules are defined by the server, which describes them in English. Those this front end
 * knows are translated; any other falls back to the server's text.
 */
export function permissionDescription(t: TFunction, key: string, serverDescription: string): string {
  return t(`permissions.${key}` as 'permissions.admin.users', { defaultValue: serverDescription });
}

export function moduleName(t: TFunction, module: string): string {
  return t(`modules.${module}` as 'modules.admin', { defaultValue: module });
}
