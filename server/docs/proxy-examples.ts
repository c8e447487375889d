/**
 * The executed examples of proxy voting (委托投票) for docs/api.md: 李志强 (the migrant, working in
 * 东莞) asks his mother 王秀英 to vote for him, revokes and asks again; she accepts and signs;
 * the committee approves, publishes the list, and on election day issues his ballot to her.
 */
import { createPrivateKey } from 'node:crypto';
import type { State, Step } from './api-examples';

/**
 * A fixed Ed25519 key (PKCS#8 of a published 32-byte seed) so signed replies (委托投票证) are the
 * same on every run; Ed25519 signatures are deterministic for a given key.
 */
export const EXAMPLE_SIGNING_KEY = createPrivateKey({ key: Buffer.from(`302e020100300506032b657004220420${'ab'.repeat(32)}`, 'hex'), format: 'der', type: 'pkcs8' })
  .export({ format: 'pem', type: 'pkcs8' })
  .toString();

/** A short handwritten signature as the pad sends it. */
const SIGNATURE = { width: 320, height: 160, strokes: [[24, 80, 40, 60, 58, 52, 76, 58, 90, 74], [110, 40, 112, 70, 114, 100, 116, 120, 118, 132], [140, 60, 170, 58, 200, 62, 230, 70]] };

const request = (s: State) => ({ action: 'request', proxyVoterId: s.voterId, relation: 'parent', awayPlace: '广东东莞', signature: SIGNATURE });
const keepId = (d: unknown, s: State) => (s.proxy.id = (d as { authorization: { id: string } }).authorization.id);

export const PROXY_STEPS: Step[] = [
  { fn: 'proxies', caller: 'migrant', event: request, keep: keepId },
  { fn: 'proxies', caller: 'migrant', event: (s) => ({ action: 'revoke', id: s.proxy.id }) },
  { fn: 'proxies', caller: 'migrant', event: request, keep: keepId },
  { fn: 'proxies', caller: 'villager', event: () => ({ action: 'incoming' }) },
  { fn: 'proxies', caller: 'villager', event: (s) => ({ action: 'respond', id: s.proxy.id, accept: true, signature: SIGNATURE }) },
  { fn: 'proxies', caller: 'migrant', event: () => ({ action: 'mine' }) },
  { fn: 'committee', caller: 'clerk', event: (s) => ({ action: 'listProxies', electionId: s.electionId }) },
  {
    fn: 'committee',
    caller: 'clerk',
    event: (s) => ({ action: 'decideProxy', electionId: s.electionId, id: s.proxy.id, approve: true }),
    keep: (d, s) => (s.proxy.certificate = (d as { authorization: { certificateQr: string } }).authorization.certificateQr),
  },
  { fn: 'committee', caller: 'clerk', event: (s) => ({ action: 'publishProxyList', electionId: s.electionId }) },
];

/** Election day, 9 o'clock Beijing time: the mother shows the certificate and receives his ballot. */
export const PROXY_CHECK_IN: Step = {
  fn: 'committee',
  caller: 'clerk',
  at: '2026-04-12T01:00:00.000Z',
  event: (s) => ({ action: 'checkIn', electionId: s.electionId, kind: 'proxyBallot', certificate: s.proxy.certificate }),
};
