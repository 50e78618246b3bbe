import { describe, expect, it } from 'vitest';
import { haShare, joinNames, scenarioStartOrders, startOrderIntro, startReasonText } from './start-order-view.ts';
import type { StartStep } from '../analysis/types.ts';
import { analyze } from '../analysis/analyze.ts';
import { cap, guest, host, model, scenario, sys } from '../analysis/test-builders.ts';

const step = (reason: StartStep['reason']): StartStep => ({
  position: 1,
  guest: 'guest:x',
  vmid: 1,
  kind: 'lxc',
  command: 'pct start 1',
  waitsFor: [],
  reason,
});
const name = (key: string) => key.split(':')[1]!;

describe('joinNames', () => {
  it('joins as a person writes a list, and says how many more', () => {
    expect(joinNames([], 'nb')).toBe('');
    expect(joinNames(['a'], 'nb')).toBe('a');
    expect(joinNames(['a', 'b'], 'nb')).toBe('a og b');
    expect(joinNames(['a', 'b', 'c'], 'en')).toBe('a, b and c');
    expect(joinNames(['a', 'b', 'c', 'd', 'e'], 'nb')).toBe('a, b, c og 2 til');
  });
});

describe('startReasonText', () => {
  it('names what needs the guest, or the guest that waits for it, or says nothing needs it', () => {
    expect(
      startReasonText(step({ rank: 'critical', ownRank: 'critical', serves: ['capability:readings'], neededBy: [] }), 'nb', name),
    ).toEqual({
      rank: 'critical',
      label: 'Kritisk',
      text: 'Trengs for: readings.',
    });
    expect(
      startReasonText(step({ rank: 'comfort', ownRank: 'other', serves: [], neededBy: ['guest:ha', 'guest:z2m'] }), 'en', name)!.text,
    ).toBe('Must be up before ha and z2m.');
    expect(startReasonText(step({ rank: 'other', ownRank: 'other', serves: [], neededBy: [] }), 'nb', name)).toEqual({
      rank: 'other',
      label: 'Resten',
      text: 'Ingen kritisk funksjon eller komfortfunksjon trenger den.',
    });
    expect(startReasonText(step(undefined), 'nb', name)).toBeUndefined();
  });
});

describe('scenarioStartOrders', () => {
  const m = model({
    hosts: [host('h'), host('pi', { kind: 'raspberry-pi' })],
    guests: [guest('a', 100)],
    systems: [sys('s', { dependsOn: ['host:pi'] })],
    capabilities: [cap('c', { dependsOn: ['guest:a', 'system:s'] })],
    scenarios: [scenario('both', ['host:h', 'host:pi']), scenario('pi', ['host:pi']), scenario('sys', ['system:s'])],
  });
  const analysis = analyze(m);

  it('gives the start order of a failed host with guests, and names a failed host that has none', () => {
    const both = scenarioStartOrders(analysis, 'both');
    expect(both.orders.map((o) => o.host)).toEqual(['host:h']);
    expect(both.hostsWithoutGuests).toEqual(['host:pi']);
    expect(scenarioStartOrders(analysis, 'pi')).toEqual({ orders: [], hostsWithoutGuests: ['host:pi'] });
    expect(scenarioStartOrders(analysis, 'sys')).toEqual({ orders: [], hostsWithoutGuests: [] });
  });
});

describe('the sentence above a start order', () => {
  it('says the cluster starts HA guests itself when every guest is HA-managed, and from the host shell otherwise', () => {
    expect(haShare([{ ha: 'lia' }, { ha: 'lia' }])).toBe('all');
    expect(haShare([{ ha: 'lia' }, {}])).toBe('some');
    expect(haShare([{}])).toBe('none');
    expect(haShare([])).toBe('none');
    expect(startOrderIntro('nb', 'pve1', { ha: 'all' })).toContain('starter klyngen disse HA-gjestene selv');
    expect(startOrderIntro('en', 'pve1', { ha: 'all' })).toContain('the command works from any node');
    expect(startOrderIntro('en', 'pve1', { ha: 'none' })).toContain("from the host's shell");
    // Both kinds on one node: neither "from the host's shell" for all, nor "the cluster starts them" for all.
    expect(startOrderIntro('en', 'pve3', { ha: 'some' })).toBe(
      "When pve3 is up again: start the guests in this order, one at a time. The cluster starts those marked HA itself once it has quorum (their command works from any node); start the others from pve3's shell.",
    );
    expect(startOrderIntro('nb', 'pve3', { ha: 'some' })).toContain('de andre startes fra skallet på pve3');
    expect(startOrderIntro('nb', 'pve1', { hostUp: true, ha: 'all' })).toContain('pve1 er oppe, men klyngen har stoppet HA-gjestene der');
  });
});
