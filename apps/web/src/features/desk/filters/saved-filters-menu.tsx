import { Badge, Button, Group, Menu, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/form';
import { useSavedFilters } from './filters-api';
import { ManageFilters } from './manage-filters';
import { SaveFilterForm } from './save-filter-form';

interface SavedFiltersMenuProps {
  /** The filter applied now: what "Save filter" saves. */
  query: string;
  onApply: (query: string) => void;
}

/** The "Saved filters" menu of the desk list: apply one, save the one on screen, manage them. */
export function SavedFiltersMenu({ query, onApply }: SavedFiltersMenuProps) {
  const { t } = useTranslation();
  const filters = useSavedFilters();
  const [dialog, setDialog] = useState<'save' | 'manage' | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <Group gap="xs">
        <Menu position="bottom-start" width={320}>
          <Menu.Target>
            <Button variant="default" size="xs" data-testid="saved-filters">
              {t('desk.filters.menu')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {(filters.data ?? []).map((filter) => (
              <Menu.Item
                key={filter.id}
                onClick={() => onApply(filter.query)}
                data-testid="saved-filter"
                rightSection={
                  filter.group ? (
                    <Badge size="xs" variant="light" color="teal" tt="none">
                      {filter.group.name}
                    </Badge>
                  ) : null
                }
              >
                <Text size="sm" truncate>
                  {filter.pinned ? '★ ' : ''}
                  {filter.name}
                </Text>
              </Menu.Item>
            ))}
            {filters.data?.length === 0 ? <Menu.Label>{t('desk.filters.none')}</Menu.Label> : null}
            <Menu.Divider />
            <Menu.Item onClick={() => setDialog('manage')} data-testid="manage-filters">
              {t('desk.filters.manage')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button
          variant="subtle"
          size="xs"
          disabled={!query.trim()}
          onClick={() => setDialog('save')}
          data-testid="save-filter"
        >
          {t('desk.filters.saveCurrent')}
        </Button>
      </Group>
      <FormModal opened={dialog === 'save'} onClose={close} title={t('desk.filters.saveTitle')} size="md">
        <SaveFilterForm query={query} onDone={close} />
      </FormModal>
      <FormModal opened={dialog === 'manage'} onClose={close} title={t('desk.filters.manageTitle')}>
        <ManageFilters />
      </FormModal>
    </>
  );
}
