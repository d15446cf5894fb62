import type { Generated, Kysely } from 'kysely';

/** A line as stored in `orders.lines` and `standard_orders.lines` (JSON). */
export interface StoredLine {
  articleId: string;
  quantity: number;
  articleNumber: string;
  name: string;
  unit: string;
  packSize: number;
}

interface Stamps {
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SuppliesTables {
  'supplies.categories': Stamps & { id: string; name: string; sort_key: string };
  'supplies.articles': Stamps & {
    id: string;
    article_number: string;
    name: string;
    manufacturer: string;
    unit: string;
    pack_size: number;
    category_id: string;
    supplier: string;
    price_minor: string | number | null;
    active: boolean;
    image_url: string | null;
    sort_key: string;
    search_text: string;
  };
  'supplies.unit_members': { unit_id: string; user_id: string };
  'supplies.favourites': { unit_id: string; article_id: string; added_at: Generated<Date> };
  'supplies.standard_orders': {
    id: string;
    unit_id: string;
    name: string;
    lines: string | StoredLine[];
    updated_at: Generated<Date>;
  };
  'supplies.orders': Stamps & {
    id: string;
    number: string;
    unit_id: string;
    owner: string;
    delivery_address: string;
    requested_date: string | Date;
    note: string;
    lines: string | StoredLine[];
    created_by: string | null;
    created_by_name: string;
    withdrawn_at: Date | null;
  };
  'supplies.order_status': {
    order_id: string;
    unit_id: string;
    status: 'received' | 'confirmed' | 'delivered' | 'cancelled';
    reason: string;
    changed_at: Generated<Date>;
    changed_by_name: string;
  };
  'supplies.change_requests': {
    id: string;
    order_id: string;
    unit_id: string;
    owner: string;
    kind: 'change' | 'withdraw';
    lines: string | StoredLine[] | null;
    comment: string;
    created_by: string | null;
    created_by_name: string;
    created_at: Generated<Date>;
  };
  'supplies.request_decisions': {
    request_id: string;
    unit_id: string;
    decision: 'accepted' | 'refused';
    reason: string;
    decided_at: Generated<Date>;
    decided_by_name: string;
  };
  'supplies.feed_events': {
    seq: Generated<string>;
    order_id: string;
    kind: 'order.placed' | 'order.changed' | 'order.status' | 'order.request';
    at: Generated<Date>;
  };
}

export type SuppliesDb = Kysely<SuppliesTables>;
