import { hasPermission, useMe } from '../../auth/api/session';

/** What the signed-in user may do in the CRM beyond reading (the server checks the same on every request). */
export function useCrmPermissions() {
  const { data: me } = useMe();
  return { write: hasPermission(me, 'crm.write'), admin: hasPermission(me, 'crm.admin') };
}
