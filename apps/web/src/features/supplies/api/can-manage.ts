import { hasPermission, useMe, useNodeInfo } from '../../auth/api/session';

/**
 * The hub's staff set statuses and decide requests on the hub itself: a workstation's copy of the hub's word
 * would only be overwritten by the next sync, so the buttons are not offered there.
 */
export function useSuppliesRoles() {
  const { data: me } = useMe();
  const { data: node } = useNodeInfo();
  return {
    canOrder: hasPermission(me, 'supplies.order'),
    canManage: hasPermission(me, 'supplies.manage') && node?.role === 'server',
  };
}
