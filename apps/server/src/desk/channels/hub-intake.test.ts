import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { HubIntake } from './hub-intake.js';

function channels() {
  const calls: string[] = [];
  return {
    calls,
    desk: {
      esb: { start: () => calls.push('esb.start'), stop: async () => void calls.push('esb.stop') },
      email: {
        listen: async () => {
          calls.push('smtp.listen');
          return { stop: async () => void calls.push('smtp.stop') };
        },
      },
    },
  };
}

describe('the desk intake follows the node’s role', () => {
  it('starts the listeners once on a hub, however often the authority changes', async () => {
    const { calls, desk } = channels();
    const intake = new HubIntake(desk as never, () => true, pino({ level: 'silent' }));
    await Promise.all([intake.follow(), intake.follow(), intake.follow()]);
    expect(calls).toEqual(['esb.start', 'smtp.listen']);
  });

  it('starts them when a client is promoted and stops them when it is demoted', async () => {
    const { calls, desk } = channels();
    let hub = false;
    const intake = new HubIntake(desk as never, () => hub, pino({ level: 'silent' }));
    await intake.follow();
    expect(calls).toEqual([]);
    hub = true;
    await intake.follow();
    expect(calls).toEqual(['esb.start', 'smtp.listen']);
    hub = false;
    await intake.follow();
    expect(calls).toEqual(['esb.start', 'smtp.listen', 'esb.stop', 'smtp.stop']);
  });

  it('starts nothing once the node stops', async () => {
    const { calls, desk } = channels();
    const intake = new HubIntake(desk as never, () => true, pino({ level: 'silent' }));
    await intake.follow();
    await intake.stop();
    await intake.follow();
    expect(calls).toEqual(['esb.start', 'smtp.listen', 'esb.stop', 'smtp.stop']);
  });
});
