import { hasPermission, useMe, useNodeInfo } from '../../auth/api/session';

/**
 * Editors change the directory on the hub; on a client node they see its read-only copy, like everyone else
 * (the server refuses there too, with sync.read_only).
 */
export function useDirectoryEditing() {
  const { data: me } = useMe();
  const { data: node } = useNodeInfo();
  const editor = hasPermission(me, 'directory.write');
  return { canEdit: editor && node?.role === 'server', readOnlyCopy: editor && node?.role === 'client' };
}
