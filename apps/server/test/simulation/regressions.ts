import type { Schedule } from './schedule.js';

/**
 * Schedules that broke a property once, shrunk by fast-check; each property runs its own before any random one,
 * so a bug found once stays found. Written for a hub and two clients (client 0 is client1).
 */
export const LAWFUL_REGRESSIONS: Schedule[] = [
  // client2 creates three notes in one transaction, stamped (9 ms, counters 0-2), and pushes them. The hub merged
  // its clock with the newest stamp by wall time alone, so with (9, 0) rather than (9, 2); its own clock reads 9 ms
  // too (it is 21 ms slow), so its delete of the second note was stamped (9, 1) and sorted before client2's (9, 1)
  // creation of that note, and the clients kept a note the hub had deleted. Fixed: the newest stamp by (wall,
  // counter).
  {
    skews: [-21, 0, 9],
    steps: [
      { do: 'write', writer: 1, action: 'createMany', pick: 0 },
      { do: 'push', client: 1 },
      { do: 'deliver', pick: 0 },
      { do: 'write', writer: 'hub', action: 'delete', pick: 1 },
    ],
  },
];

export const CONTESTED_REGRESSIONS: Schedule[] = [
  // client1 writes a note owned by the hub. The hub refuses it and says so to client2, but client1 never heard of
  // the refusal: its vector already covers its own change, so nothing came back. Fixed: a pull's answer says which
  // of the caller's own changes the hub refused; the client marks them rejected and keeps its row, marked.
  { skews: [0, 0, 0], steps: [{ do: 'write', writer: 0, action: 'createForeign', pick: 0 }] },
  // client2 creates a note and pushes it; the hub applies it, then hands the note to client1. client1 pulls both
  // in one page, in origin order: the hub's hand-over first, so when client2's creation followed, the note already
  // belonged to client1 and client1 refused a change the hub accepted. Fixed: a change older than its row's
  // newest one overwrites nothing, so whose row it is now does not decide its fate.
  {
    skews: [0, 0, 0],
    steps: [
      { do: 'write', writer: 1, action: 'create', pick: 0 },
      { do: 'push', client: 1 },
      { do: 'deliver', pick: 0 },
      { do: 'write', writer: 'hub', action: 'handOver', pick: 0 },
    ],
  },
];
