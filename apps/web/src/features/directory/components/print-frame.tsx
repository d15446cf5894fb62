import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMe, useNodeInfo } from '../../auth/api/session';
import { useSyncStatus } from '../../sync/api/sync-api';
import '../print.css';

/**
 * Wraps what a page prints. The footer sits in a table footer because browsers repeat those at the bottom of
 * every printed page; on screen it is hidden. A hub's data is current as printed; a workstation's is as of
 * its last sync with the hub.
 */
export function PrintFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  // The replication status is for signed-in users; a visitor printing from a workstation that shows its
  // directory to anyone gets the node's role from its public information and no time of the last sync.
  const { data: me } = useMe();
  const status = useSyncStatus(Boolean(me)).data;
  const node = useNodeInfo().data;
  const now = new Date().toISOString();
  const role = status?.role ?? node?.role;
  const asOf = role === 'client' ? status?.lastSyncAt : now;
  const footer = t('directory.print.footer', {
    date: format.dateTime(now),
    // Without sign-in the node's id is not known here; the organisation and the role still are.
    node: `${[node?.organisation, status?.nodeId.slice(0, 8) ?? (me ? '?' : null)].filter(Boolean).join(' ')} (${role === 'client' ? t('home.role.client') : t('home.role.server')})`,
    asOf: asOf ? format.dateTime(asOf) : me ? t('directory.print.neverSynced') : t('directory.print.asOfUnknown'),
  });
  return (
    <table className="directory-print-frame">
      <tbody>
        <tr>
          <td>{children}</td>
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <td className="directory-print-footer" data-testid="print-footer">
            {footer}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
