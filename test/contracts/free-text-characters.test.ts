/**
 * Free-text reasons and records refuse invisible control characters, bidi overrides and lone
 * surrogates, as names and titles do (issue 10, input hygiene). The full reliability fuzz found
 * committee.setVoterStatus writing a reason with one of them; each field here failed before.
 */
import * as proxyCommittee from '../../src/contracts/proxy-committee.contract';
import * as proxy from '../../src/contracts/proxy.contract';
import * as roll from '../../src/contracts/roll.contract';
import * as township from '../../src/contracts/township.contract';

const BAD = ['\u0000', '\u202e', '\ud800'];
const reason = (c: string) => `户口已迁${c}出本村`;

const CASES: { name: string; parse: (text: string) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }; path: string }[] = [
  { name: 'committee.setVoterStatus reason', path: 'reason', parse: (t) => roll.setVoterStatus.input.safeParse({ electionId: 'e1', voterId: 'v1', op: 'movedAway', reason: t }) },
  { name: 'township.revokeMember reason', path: 'reason', parse: (t) => township.revokeMember.input.safeParse({ villageId: 'v1', memberRef: 'm1', reason: t }) },
  { name: 'committee.decideProxy reason', path: 'reason', parse: (t) => proxyCommittee.decideProxy.input.safeParse({ electionId: 'e1', id: 'p1', approve: false, reason: t }) },
  { name: 'proxies.respond reason', path: 'reason', parse: (t) => proxy.respond.input.safeParse({ id: 'p1', accept: false, reason: t }) },
];

describe('free-text reasons refuse unsafe characters', () => {
  it.each(CASES)('$name accepts plain text', ({ parse }) => {
    expect(parse(reason('')).success).toBe(true);
  });
  it.each(CASES.flatMap((c) => BAD.map((b) => ({ ...c, bad: b, code: b.codePointAt(0)!.toString(16) }))))('$name refuses U+$code', ({ parse, bad, path }) => {
    const r = parse(reason(bad));
    expect(r.success).toBe(false);
    expect(r.error!.issues.some((i) => i.path.join('.') === path)).toBe(true);
  });
});
