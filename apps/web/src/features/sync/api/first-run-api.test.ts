import { describe, expect, it } from 'vitest';
import { firstRunStep } from './first-run-api';

describe('firstRunStep', () => {
  it('asks a workstation without a hub to be enrolled', () => {
    expect(firstRunStep({ role: 'client', enrolled: false, ready: false })).toBe('enroll');
  });

  it('waits while an enrolled workstation loads the organisation’s data', () => {
    expect(firstRunStep({ role: 'client', enrolled: true, ready: false })).toBe('loading');
  });

  it('lets people sign in on a workstation that holds the data, and on a hub', () => {
    expect(firstRunStep({ role: 'client', enrolled: true, ready: true })).toBe('ready');
    expect(firstRunStep({ role: 'server', enrolled: true, ready: true })).toBe('ready');
  });
});
