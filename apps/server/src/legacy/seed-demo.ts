import type { CrmClientInput, CrmOrderStatus } from '@kontor/contracts';
import { systemContext } from '../platform/context.js';
import type { Platform } from '../platform/platform.js';
import { ClientsService } from './clients/clients-service.js';
import { OrdersService } from './orders/orders-service.js';

const clients: CrmClientInput[] = [
  { name: 'Åsa Öberg', email: 'asa.oberg@example.se', phone: '+46 70 123 45 67', city: 'Örebro' },
  { name: 'Jörgen Ångström', email: 'jorgen.angstrom@example.se', phone: '+46 73 555 01 02', city: 'Umeå' },
  { name: 'Märta Sjöberg', email: 'marta.sjoberg@example.se', city: 'Västerås' },
  { name: 'Karl-Erik Nässén', phone: '+46 19 10 20 30', city: 'Karlskoga' },
  {
    name: 'Bergslagens Verktyg AB',
    email: 'order@bergslagensverktyg.example.se',
    orgNumber: '556677-8899',
    city: 'Lindesberg',
  },
  {
    name: 'Hjälmarens Båtvarv AB',
    email: 'info@hjalmarensbatvarv.example.se',
    orgNumber: '556123-4567',
    city: 'Örebro',
  },
  { name: 'Kumla Städ & Fönsterputs HB', orgNumber: '969712-3456', phone: '+46 19 57 00 00', city: 'Kumla' },
  {
    name: 'Region Örebro län, Inköp',
    email: 'inkop@regionorebrolan.example.se',
    orgNumber: '232100-0164',
    city: 'Örebro',
  },
];

/** Index into `clients`, what was ordered, the state it is in, SEK öre, and days ago. */
const orders: [number, string, CrmOrderStatus, number, number][] = [
  [0, 'Konsultation, trädgårdsplanering', 'done', 450_000, 40],
  [0, 'Uppföljande besök', 'new', 120_000, 2],
  [1, 'Service av värmepump', 'in_progress', 320_000, 6],
  [2, 'Byte av köksblandare', 'done', 185_000, 25],
  [3, 'Snöröjning, säsongsavtal', 'cancelled', 900_000, 60],
  [4, 'Skruvdragare 18 V, 10 st', 'done', 2_490_000, 33],
  [4, 'Reservbatterier och laddare', 'in_progress', 640_000, 4],
  [5, 'Vinterförvaring av segelbåt', 'new', 1_150_000, 1],
  [5, 'Bottenmålning och polering', 'done', 780_000, 90],
  [6, 'Fönsterputs, kontor 3 vån.', 'done', 560_000, 14],
  [7, 'Ramavtal förbrukningsmaterial', 'in_progress', 12_500_000, 10],
  [7, 'Leverans av skyddshandskar', 'new', 349_000, 0],
];

const DAY_MS = 86_400_000;

/** A few clients and orders of our own for the demo organisation; does nothing once our services hold any. */
export async function seedLegacyDemo(platform: Platform): Promise<void> {
  const ctx = systemContext('seed');
  const clientsService = new ClientsService(platform);
  const ordersService = new OrdersService(platform);
  const [ourClients, ourOrders] = await Promise.all([clientsService.counts(ctx), ordersService.counts(ctx)]);
  if (ourClients.createdHere + ourClients.migrated + ourOrders.createdHere + ourOrders.migrated > 0) return;
  const created = [];
  for (const input of clients) created.push(await clientsService.create(ctx, input));
  const now = Date.now();
  for (const [client, text, status, amountMinor, daysAgo] of orders) {
    const clientRef = created[client]?.ref;
    if (!clientRef) continue;
    await ordersService.create(ctx, {
      clientRef,
      text,
      status,
      amountMinor,
      currency: 'SEK',
      orderedAt: new Date(now - daysAgo * DAY_MS - client * 3_600_000).toISOString(),
    });
  }
}
