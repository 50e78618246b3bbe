import { describe, expect, it } from 'vitest';
import { placeholderWords } from '../i18n/store.ts';
import { guest, host, model, run, states } from './test-builders.ts';
import { explainCause, explainTally } from './explain.ts';
import { compileFailureGraph } from './propagate.ts';
import { baselineTallies } from './availability.ts';

const cluster = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: id, nodes: ['n1', 'n2', 'n3'], ...extra });
const nodes = [host('n1'), host('n2'), host('n3')];

describe('a cluster: quorum is more than half of all votes', () => {
  it('three nodes of one vote: up with two, down with one', () => {
    const m = model({ hosts: nodes, clusters: [cluster('c')] });
    expect(states(run(m, ['host:n1']))['cluster:c']).toBe('degraded'); // 2 of 3 votes: quorum, a node short
    expect(states(run(m, ['host:n1', 'host:n2']))['cluster:c']).toBe('down'); // 1 of 3: no quorum
  });

  it('two nodes and a QDevice: one node and the QDevice keep quorum (2 of 3 votes)', () => {
    const m = model({
      hosts: [host('n1'), host('n2'), host('q', { kind: 'raspberry-pi' })],
      clusters: [cluster('c', { nodes: ['n1', 'n2'], qdevice: 'host:q' })],
    });
    expect(states(run(m, ['host:n1']))['cluster:c']).toBe('degraded');
    expect(states(run(m, ['host:n1', 'host:q']))['cluster:c']).toBe('down');
  });

  it('votes weigh: a node with 2 of 4 votes is not a majority alone, with one more it is', () => {
    const m = model({ hosts: nodes, clusters: [cluster('c', { nodes: [{ host: 'n1', votes: 2 }, 'n2', 'n3'] })] });
    // Total 4, majority 3: n1 (2) + n2 (1) = 3 holds; n1 alone (2) does not; n2 + n3 (2) does not.
    expect(states(run(m, ['host:n3']))['cluster:c']).toBe('degraded');
    expect(states(run(m, ['host:n2', 'host:n3']))['cluster:c']).toBe('down');
    expect(states(run(m, ['host:n1']))['cluster:c']).toBe('down');
  });

  it('a planned node has no vote yet: two nodes today need both', () => {
    const m = model({ hosts: [host('n1'), host('n2'), host('n3', { status: 'planned' })], clusters: [cluster('c')] });
    expect(states(run(m, ['host:n1']))['cluster:c']).toBe('down'); // 1 of 2 votes is not more than half
  });
});

describe('HA guests: up while the cluster has quorum and an allowed node is up', () => {
  const m = model({
    hosts: nodes,
    clusters: [cluster('c')],
    guests: [
      guest('ha-any', 100, { host: 'n1', ha: { cluster: 'c' } }),
      guest('ha-two', 101, { host: 'n1', ha: { cluster: 'c', group: ['n1', 'n2'], preferred: 'n1' } }),
      guest('pinned', 102, { host: 'n1' }),
    ],
  });

  it('the node it runs on today fails: HA guests move (degraded), the pinned one is down', () => {
    expect(states(run(m, ['host:n1']))).toMatchObject({ 'guest:ha-any': 'degraded', 'guest:ha-two': 'degraded', 'guest:pinned': 'down' });
  });

  it('two of three nodes fail: no quorum, so every HA guest stops', () => {
    const s = states(run(m, ['host:n1', 'host:n2']));
    // n3 alone is 1 of 3 votes: no quorum, so every HA guest stops, whatever node is up.
    expect(s).toMatchObject({ 'cluster:c': 'down', 'guest:ha-any': 'down', 'guest:ha-two': 'down', 'guest:pinned': 'down' });
  });

  it('the cluster loses quorum while the node is up: HA guests stop, the pinned guest runs', () => {
    const s = states(run(m, ['cluster:c']));
    expect(s).toMatchObject({ 'guest:ha-any': 'down', 'guest:ha-two': 'down', 'guest:pinned': 'ok' });
  });

  it('a node outside its group fails: the group guest is ok', () => {
    expect(states(run(m, ['host:n3']))['guest:ha-two']).toBe('ok');
  });
});

describe('Ceph: enough OSD nodes for min_size, and a majority of monitors', () => {
  const ceph = (extra: Record<string, unknown> = {}) => ({
    id: 'rbd',
    name: 'rbd',
    type: 'ceph-rbd',
    osdNodes: ['n1', 'n2', 'n3'],
    monitors: ['n1', 'n2', 'n3'],
    replicas: 3,
    minSize: 2,
    ...extra,
  });

  it('3 replicas, min_size 2 on three nodes: one node down is fine, two are not', () => {
    const m = model({ hosts: nodes, storage: [ceph()] });
    expect(states(run(m, ['host:n1']))['storage:rbd']).toBe('degraded');
    expect(states(run(m, ['host:n1', 'host:n2']))['storage:rbd']).toBe('down');
  });

  it('five OSD nodes with 3 replicas: losing two may take a placement group below min_size', () => {
    const m = model({ hosts: [...nodes, host('n4'), host('n5')], storage: [ceph({ osdNodes: ['n1', 'n2', 'n3', 'n4', 'n5'] })] });
    expect(states(run(m, ['host:n4']))['storage:rbd']).toBe('degraded');
    expect(states(run(m, ['host:n4', 'host:n5']))['storage:rbd']).toBe('down');
  });

  it('NFS follows its server; ZFS its host, not its replica', () => {
    const m = model({
      hosts: [...nodes, host('nas', { kind: 'other' })],
      storage: [
        { id: 'nfs', name: 'nfs', type: 'nfs', server: 'host:nas' },
        { id: 'tank', name: 'tank', type: 'zfs', host: 'n1', replication: { to: 'n2' } },
      ],
    });
    expect(states(run(m, ['host:nas']))['storage:nfs']).toBe('down');
    expect(states(run(m, ['host:n2']))['storage:tank']).toBe('ok');
    expect(states(run(m, ['host:n1']))['storage:tank']).toBe('down');
  });
});

describe('explanations say how a quorum, an HA guest and Ceph stand', () => {
  const m = model({
    hosts: nodes,
    clusters: [cluster('c')],
    guests: [guest('web', 100, { host: 'n1', ha: { cluster: 'c', group: ['n1', 'n2'] } })],
    storage: [{ id: 'rbd', name: 'rbd', type: 'ceph-rbd', osdNodes: ['n1', 'n2', 'n3'], monitors: ['n1', 'n2', 'n3'] }],
  });
  const explain = (roots: string[], key: string, lang: 'nb' | 'en') => run(m, roots)[key]!.causes.map((c) => explainCause(c, m, lang));

  it('an HA guest whose node failed: the cluster has quorum and the other node of its group is up', () => {
    // n1 down: 2 of 3 votes is a majority; of its group [n1, n2], n2 is up, so HA restarts it there.
    expect(explain(['host:n1'], 'guest:web', 'en')).toEqual([
      'web (LXC 100): degraded (the cluster has quorum (2 of 3 votes) and n2 is up) ← n1',
    ]);
    expect(explain(['host:n1'], 'guest:web', 'nb')).toEqual([
      'web (LXC 100): redusert (klyngen har quorum (2 av 3 stemmer), og n2 er oppe) ← n1',
    ]);
  });

  it('no quorum: the HA guest is down, and says why', () => {
    // n2 and n3 down: 1 of 3 votes, 2 needed.
    expect(explain(['host:n2', 'host:n3'], 'guest:web', 'en')).toContain(
      'web (LXC 100): down (the cluster has no quorum (1 of 3 votes, needs 2)) ← c ← n2',
    );
  });

  it('Ceph: needs 2 of 3 nodes, 1 up', () => {
    // 3 replicas, min_size 2 (the defaults) on three OSD nodes: two must be up.
    expect(explain(['host:n1', 'host:n2'], 'storage:rbd', 'en')[0]).toBe('rbd: down (needs 2 of 3 nodes, 1 up) ← n1');
    expect(explain(['host:n1', 'host:n2'], 'storage:rbd', 'nb')[0]).toBe('rbd: nede (trenger 2 av 3 noder, 1 oppe) ← n1');
  });

  it('in normal operation: the tallies for the page', () => {
    const fg = compileFailureGraph(m);
    const words = (key: string) => baselineTallies(fg, key).map((tally) => explainTally(tally, m, 'en'));
    expect(words('guest:web')).toEqual(['the cluster has quorum (3 of 3 votes) and n1 and n2 are up']);
    expect(words('cluster:c')).toEqual(['the cluster has quorum (3 of 3 votes)']);
    expect(words('storage:rbd')).toEqual(['needs 2 of 3 nodes, 3 up', 'needs 2 of 3 monitors, 3 up']);
  });
});

describe('the public profile keeps what the analysis of clusters needs', () => {
  it('a sensitive cluster and Ceph pool become placeholders with their nodes, and the HA guest stays HA', async () => {
    const { applyProfile } = await import('../model/profile.ts');
    const m = model({
      hosts: nodes,
      clusters: [cluster('c', { sensitive: true })],
      storage: [{ id: 'rbd', name: 'rbd', type: 'ceph-rbd', osdNodes: ['n1', 'n2', 'n3'], monitors: ['n1', 'n2', 'n3'], sensitive: true }],
      guests: [guest('web', 100, { host: 'n1', ha: { cluster: 'c' }, dependsOn: ['storage:rbd'] })],
    });
    const pub = applyProfile(m, 'public', placeholderWords);
    // Same answers as the full model: two nodes down, no quorum and no Ceph.
    expect(states(run(pub, ['host:n1', 'host:n2']))['guest:web']).toBe('down');
    expect(states(run(pub, ['host:n1']))['guest:web']).toBe('degraded');
    expect(pub.guests[0]!.ha?.cluster).toBe('withheld-1');
  });
});
