import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useNodeInfo } from '../../auth/api/session';
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
  const status = useSyncStatus().data;
  const node = useNodeInfo().data;
  const now = new Date().toISOString();
  const asOf = status?.role === 'client' ? status.lastSyncAt : now;
  const footer = t('directory.print.footer', {
    date: format.dateTime(now),
    node: `${node?.organisation ?? ''} ${status?.nodeId.slice(0, 8) ?? '?'} (${status?.role === 'client' ? t('home.role.client') : t('home.role.server')})`,
    asOf: asOf ? format.dateTime(asOf) : t('directory.print.neverSynced'),
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
