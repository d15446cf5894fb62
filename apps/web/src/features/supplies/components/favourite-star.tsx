import { ActionIcon, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FavouriteStarProps {
  name: string;
  favourite: boolean;
  onToggle: () => void;
  disabled?: boolean;
}

/** Marks an article as one the unit orders often; the star is the unit's, shared by all who order for it. */
export function FavouriteStar({ name, favourite, onToggle, disabled }: FavouriteStarProps) {
  const { t } = useTranslation();
  const label = favourite ? t('supplies.favourites.remove', { name }) : t('supplies.favourites.add', { name });
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="subtle"
        color="yellow"
        size="lg"
        aria-label={label}
        aria-pressed={favourite}
        disabled={disabled}
        onClick={onToggle}
        data-testid="article-favourite"
      >
        <span aria-hidden="true" style={{ fontSize: 22, lineHeight: 1 }}>
          {favourite ? '★' : '☆'}
        </span>
      </ActionIcon>
    </Tooltip>
  );
}
