import type { CatalogPriceList } from '@kontor/contracts';
import type { PriceListPatch, SaleListInput } from './prices-api';
import type { NumberField } from './product-draft';
import { isoToShopInput, shopInputToIso } from './shop-time';
import { slugify } from './slug';

/** A campaign's form: the window as `datetime-local` values on the shop's clock. */
export interface SaleListDraft {
  name: string;
  /** Fixed once the list exists; left empty for a new one, it is made from the name. */
  code: string;
  priority: NumberField;
  validFrom: string;
  validTo: string;
  active: boolean;
}

/** The server's rule for a list's code: lower-case letters, digits, `_` and `-`, at most 40. */
const CODE_LENGTH = 40;

export const saleListDraftOf = (list: CatalogPriceList | null): SaleListDraft => ({
  name: list?.name ?? '',
  code: list?.code ?? '',
  priority: list?.priority ?? 0,
  validFrom: isoToShopInput(list?.startsAt ?? null),
  validTo: isoToShopInput(list?.endsAt ?? null),
  active: list?.active ?? true,
});

/** The code suggested for a campaign's name: "Vårrea 2026" → "varrea-2026". */
export const listCodeFrom = (name: string) => slugify(name).slice(0, CODE_LENGTH).replace(/-+$/, '');

/** What creating the campaign sends; the server judges every field and names those it refuses. */
export function saleListInput(draft: SaleListDraft): SaleListInput {
  return {
    code: draft.code.trim() || listCodeFrom(draft.name),
    name: draft.name.trim(),
    priority: draft.priority === '' ? 0 : draft.priority,
    startsAt: shopInputToIso(draft.validFrom),
    endsAt: shopInputToIso(draft.validTo),
    active: draft.active,
  };
}

/** Only what a person changed, so saving an untouched form changes nothing (and records no price history). */
export function saleListPatch(list: CatalogPriceList, draft: SaleListDraft): PriceListPatch {
  const next = saleListInput({ ...draft, code: list.code });
  const patch: PriceListPatch = {};
  if (next.name !== list.name) patch.name = next.name;
  if (next.priority !== list.priority) patch.priority = next.priority;
  if (!sameInstant(next.startsAt ?? null, list.startsAt)) patch.startsAt = next.startsAt;
  if (!sameInstant(next.endsAt ?? null, list.endsAt)) patch.endsAt = next.endsAt;
  if (next.active !== list.active) patch.active = next.active;
  return patch;
}

/** The form holds minutes: an instant with seconds, set through the API, is unchanged if its minute is. */
const sameInstant = (typed: string | null, stored: string | null) =>
  typed === stored || (typed !== null && stored !== null && typed === shopInputToIso(isoToShopInput(stored)));

export type ListState = 'running' | 'scheduled' | 'ended' | 'paused';

/** Where a list stands at `now`: the badge of its row. Retail, without a window, is always running. */
export function listState(list: CatalogPriceList, now: number): ListState {
  if (!list.active) return 'paused';
  if (list.endsAt !== null && Date.parse(list.endsAt) <= now) return 'ended';
  if (list.startsAt !== null && Date.parse(list.startsAt) > now) return 'scheduled';
  return 'running';
}
