import type { DirectoryEntryKind } from '@kontor/contracts';
import { ActionIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/api/session';
import { useFavourites, useToggleFavourite } from '../api/directory-api';

/** A star that adds the entry to the user's favourites, or takes it away. */
export function FavouriteButton({ kind, id, name }: { kind: DirectoryEntryKind; id: string; name: string }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const favourites = useFavourites();
  const toggle = useToggleFavourite();
  // Favourites belong to a user; a visitor reading without signing in has none.
  if (!me) return null;
  const favourite = favourites.data?.some((entry) => entry.id === id) ?? false;
  const label = favourite ? t('directory.favourites.remove', { name }) : t('directory.favourites.add', { name });
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="subtle"
        color="yellow"
        size="lg"
        aria-label={label}
        aria-pressed={favourite}
        loading={toggle.isPending}
        disabled={favourites.isPending}
        onClick={() => toggle.mutate({ kind, id, favourite: !favourite })}
        data-testid="favourite-toggle"
        data-print="hide"
      >
        <span aria-hidden="true" style={{ fontSize: 22, lineHeight: 1 }}>
          {favourite ? '★' : '☆'}
        </span>
      </ActionIcon>
    </Tooltip>
  );
}
