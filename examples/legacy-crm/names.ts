// What the bulk seed makes its records of: Nordic (and a few Polish and Icelandic) names with their diacritics,
// Swedish cities, and the kind of work a CRM's orders describe. Some fold to the same name (Åsa and Ása), so
// equal sort names with different ids are common, as they are in a real register.

const list = (items: string) => items.trim().split(/\s*\|\s*/);

export const FIRST_NAMES = list(`
  Åsa | Ása | Jörgen | Björn | Łukasz | Märta | Sören | Ingrid | Øystein | Linnéa | Göran | Anna | Erik | Karin |
  Lars | Malin | Mikael | Sofia | Johan | Elin | Anders | Maja | Nils | Ebba | Åke | Agnieszka | Paweł | Katarzyna |
  Þórunn | Hélène | Mårten | Kerstin | Gunnel | Britt-Marie | Per | Eva`);

export const LAST_NAMES = list(`
  Öberg | Ångström | Ødegaard | Wróbel | Andersson | Johansson | Karlsson | Nilsson | Eriksson | Larsson | Olsson |
  Persson | Svensson | Gustafsson | Pettersson | Lindström | Lindqvist | Bäckström | Sjögren | Åberg | Nyström |
  Holmén | Hägglund | Dahlén | Söderberg | Ekström | Strömberg | Løvaas | Kowalski | Wiśniewska | Dąbrowski |
  Mäkinen | Jönsson | Sæther | Ærenlund | Fjällström | Öhman | Großmann | Đurić`);

/** A company client is a family name and one of these: `Ångström Bygg AB`. */
export const COMPANY_SUFFIXES = list(`
  AB | Bygg AB | Marin AB | Konsult AB | & Söner AB | Fastigheter AB | Transport AB | Elektriska AB | Båtvarv AB |
  Trädgård & Miljö AB`);

export const CITIES = list(`
  Stockholm | Göteborg | Malmö | Uppsala | Västerås | Örebro | Linköping | Helsingborg | Jönköping | Norrköping |
  Lund | Umeå | Gävle | Borås | Södertälje | Eskilstuna | Halmstad | Växjö | Karlstad | Sundsvall | Östersund |
  Trollhättan | Luleå | Kalmar | Visby | Skellefteå | Falun | Kiruna`);

export const ORDER_TEXTS = list(`
  Årlig service av båtmotor | Byte av vinterdäck | Leverans av kontorsstolar | Installation av värmepump |
  Reparation av brygga | Målning av fasad | Energideklaration | Besiktning av segelbåt | Rengöring av ventilation |
  Nya nycklar och lås | Flytt av kontor | Snöröjning, säsong | Fönsterputs, kvartal | Översyn av elcentral |
  Plattsättning i badrum | Trädfällning på tomten | Säkerhetskontroll av hiss | Uppgradering av nätverk |
  Omläggning av tak | Vinterförvaring av båt`);

/** Weighted as a working CRM's are: most orders are done. */
export const SEED_STATUSES = list(
  'done | done | done | done | in_progress | in_progress | new | new | new | cancelled',
);
export const SEED_CURRENCIES = list('SEK | SEK | SEK | SEK | SEK | SEK | SEK | EUR | NOK | DKK');
