import { Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/page-header';
import { useCategories, useGroups } from '../api/desk-api';
import { GroupMembersButton } from './group-members';
import { ListEditor } from './list-editor';

/** The desk administrator's lists: categories, and groups with the agents who work in each. */
export function DeskSettingsPage() {
  const { t } = useTranslation();
  const categories = useCategories();
  const groups = useGroups();
  return (
    <>
      <PageHeader title={t('desk.settings.title')} />
      <Tabs defaultValue="categories" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="categories" data-testid="settings-tab-categories">
            {t('desk.settings.categories')}
          </Tabs.Tab>
          <Tabs.Tab value="groups" data-testid="settings-tab-groups">
            {t('desk.settings.groups')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="categories">
          <Text size="sm" c="dimmed" mb="sm">
            {t('desk.settings.categoriesIntro')}
          </Text>
          <ListEditor
            kind="categories"
            entries={categories.data}
            loading={categories.isPending}
            error={categories.error}
          />
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <Text size="sm" c="dimmed" mb="sm">
            {t('desk.settings.groupsIntro')}
          </Text>
          <ListEditor
            kind="groups"
            entries={groups.data}
            loading={groups.isPending}
            error={groups.error}
            rowActions={(group) => <GroupMembersButton group={group} />}
          />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
