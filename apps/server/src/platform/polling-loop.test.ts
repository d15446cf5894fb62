import { describe, expect, it } from 'vitest';
import { PollingLoop } from './polling-loop.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A run that ends when told to, counting how often it started. */
function gatedRuns() {
  let runs = 0;
  const ends: Array<() => void> = [];
  return {
    run: () => {
      runs += 1;
      return new Promise<void>((resolve) => ends.push(resolve));
    },
    end: (index: number) => ends[index]?.(),
    runs: () => runs,
  };
}

const NEVER = () => 3_600_000;

/** A loop whose runs only count themselves. */
function countedLoop(pollMs: () => number) {
  let runs = 0;
  const loop = new PollingLoop(
    async () => {
      runs += 1;
    },
    () => undefined,
    pollMs,
  );
  return { loop, runs: () => runs };
}

describe('polling loop', () => {
  it('runs at start, and once more after a run for any number of nudges during it', async () => {
    const work = gatedRuns();
    const loop = new PollingLoop(work.run, () => undefined, NEVER);
    loop.start();
    loop.nudge();
    loop.nudge();
    expect(work.runs()).toBe(1);
    work.end(0);
    await tick();
    await tick();
    expect(work.runs()).toBe(2);
    work.end(1);
    await loop.stop();
  });

  it('ignores nudges before start and after stop, and stop waits for the run under way', async () => {
    const work = gatedRuns();
    const loop = new PollingLoop(work.run, () => undefined, NEVER);
    loop.nudge();
    expect(work.runs()).toBe(0);
    loop.start();
    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await tick();
    expect(stopped).toBe(false);
    work.end(0);
    await stopping;
    loop.nudge();
    expect(work.runs()).toBe(1);
  });

  it('reports a failed run and runs again at the next nudge', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const loop = new PollingLoop(
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('database gone');
      },
      (error) => errors.push(error),
      NEVER,
    );
    loop.start();
    await tick();
    await tick();
    expect(errors).toHaveLength(1);
    loop.nudge();
    await tick();
    expect(runs).toBe(2);
    await loop.stop();
  });

  it('polls by itself', async () => {
    const { loop, runs } = countedLoop(() => 5);
    loop.start();
    await expect.poll(runs, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    await loop.stop();
  });

  it('runs again at each wake before the next poll, and not after stop', async () => {
    const { loop, runs } = countedLoop(NEVER);
    loop.start();
    await tick();
    loop.wakeIn(20);
    loop.wakeIn(200);
    await expect.poll(runs, { timeout: 5_000 }).toBe(3);
    loop.wakeIn(20);
    await loop.stop();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs()).toBe(3);
  });
});
