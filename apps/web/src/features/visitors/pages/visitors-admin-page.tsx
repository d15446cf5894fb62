import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/page-header';
import { AdminCardPool } from '../components/admin-card-pool';
import { AdminCardTypes } from '../components/admin-card-types';
import { AdminKioskDevices } from '../components/admin-kiosk-devices';
import { AdminReports } from '../components/admin-reports';
import { AdminSettings } from '../components/admin-settings';
import { useCardWords } from '../components/use-card-words';

const tabs = ['types', 'cards', 'devices', 'settings', 'reports'] as const;

/** The visitors' administrator: card types and pool, kiosk tablets, privacy notice and retention, reports. */
export function VisitorsAdminPage() {
  const { t } = useTranslation();
  const cards = useCardWords();
  const label = {
    types: t('visitors.admin.tabTypes'),
    cards: t('visitors.admin.tabCards'),
    devices: t('visitors.admin.tabDevices'),
    settings: t('visitors.admin.tabSettings'),
    reports: t('visitors.admin.tabReports'),
  };
  return (
    <>
      <PageHeader title={t('visitors.admin.title')} />
      <Tabs defaultValue="types" keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab} data-testid={`admin-tab-${tab}`}>
              {label[tab]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="types">
          <AdminCardTypes />
        </Tabs.Panel>
        <Tabs.Panel value="cards">
          <AdminCardPool cards={cards} />
        </Tabs.Panel>
        <Tabs.Panel value="devices">
          <AdminKioskDevices />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <AdminSettings />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          <AdminReports />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
