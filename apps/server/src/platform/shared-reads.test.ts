import { describe, expect, it } from 'vitest';
import { SharedReads } from './shared-reads.js';

/** A read that finishes when told to, counting how often it was started. */
function gatedRead() {
  let starts = 0;
  const gates: Array<(value: number) => void> = [];
  return {
    load: () => {
      starts += 1;
      return new Promise<number>((resolve) => gates.push(resolve));
    },
    finish: (index: number, value: number) => gates[index]?.(value),
    starts: () => starts,
  };
}

describe('shared reads', () => {
  it('let callers asking the same thing at once share one read', async () => {
    const reads = new SharedReads();
    const read = gatedRead();
    const first = reads.read('waiting', read.load);
    const second = reads.read('waiting', read.load);
    read.finish(0, 7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(read.starts()).toBe(1);
  });

  it('keep nothing once a read is done', async () => {
    const reads = new SharedReads();
    const read = gatedRead();
    const first = reads.read('waiting', read.load);
    read.finish(0, 1);
    await first;
    const second = reads.read('waiting', read.load);
    read.finish(1, 2);
    expect(await second).toBe(2);
    expect(read.starts()).toBe(2);
  });

  it('never hand a read begun before a change to a caller who came after it', async () => {
    const reads = new SharedReads();
    const read = gatedRead();
    const before = reads.read('waiting', read.load);
    reads.changed();
    const after = reads.read('waiting', read.load);
    read.finish(1, 2);
    read.finish(0, 1);
    expect(await before).toBe(1);
    expect(await after).toBe(2);
  });

  it('keep different questions apart and let a failed read be asked again', async () => {
    const reads = new SharedReads();
    await expect(reads.read('a', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await reads.read('a', async () => 1)).toBe(1);
    expect(await reads.read('b', async () => 2)).toBe(2);
  });
});
