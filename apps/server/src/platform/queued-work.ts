let queued = 0;

/**
 * Counts what this process queued for sending after a commit (outbox events, e-mails). `platform.transaction`
 * wakes the senders only when the count moved during its work, so a transaction that queued nothing costs no
 * extra round on the database. Another transaction's queueing at the same time may wake them once too often,
 * never once too few.
 */
export const queuedWork = {
  note() {
    queued += 1;
  },
  get count() {
    return queued;
  },
};
