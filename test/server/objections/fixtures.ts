/** Shared set-up for the objection tests: a published list, bound voters, extra roll entries. */
import { idCheckChar } from '../../../src/domain/id-number';
import type { RecordingNotifier } from '../../../server/adapters/local/recording.notifier';
import { seededRandom } from '../../../server/security/keyed-hash';
import { draftVoter, writeVoters, type DraftVoter } from '../../../server/seed/voter-factory';
import { CLERK, type TestApp, type VillageFixture } from '../harness';

/** A synthetic ID number (area 990101 does not exist) with a valid check character. */
export const syntheticId = (birth: string, seq = '013'): string => {
  const first17 = `990101${birth.replace(/-/g, '')}${seq}`;
  return first17 + idCheckChar(first17);
};

export async function bindVoter(t: TestApp, v: DraftVoter, openid: string): Promise<void> {
  await t.ok('identity', { action: 'bind', name: v.doc.name, idNumber: v.idNumber, bindingCode: v.bindingCode, consent: true }, openid);
}

export async function publish(t: TestApp, f: VillageFixture) {
  return t.ok<PublishReply>('committee', { action: 'publishVoterList', electionId: f.electionId }, CLERK);
}

let seeds = 1000;

/**
 * Writes extra roll entries with a fresh random stream each call. (villageWithElection seeds
 * every village alike, so a second village there gets the same voter ids and ID numbers as the
 * first: build other villages with `voters: 0` and this helper.)
 */
export async function addVoters(
  t: TestApp,
  f: VillageFixture,
  specs: ReadonlyArray<{ name: string; group: string; status?: 'registered' | 'pending'; birthDate?: string }>,
): Promise<DraftVoter[]> {
  const rng = seededRandom(++seeds);
  const at = t.app.clock.now().toISOString();
  const drafts = specs.map((s, i) =>
    draftVoter(
      {
        electionId: f.electionId,
        villageId: f.villageId,
        name: s.name,
        sex: i % 2 ? 'F' : 'M',
        birthDate: s.birthDate ?? `1970-0${1 + (i % 9)}-1${i % 9}`,
        group: s.group,
        category: 'A',
        status: s.status ?? 'registered',
        electionDay: f.electionDay,
      },
      t.app.settings.idHmacKey,
      rng,
      at,
    ),
  );
  await writeVoters(t.app.store, drafts, at);
  return drafts;
}

export const notifierOf = (t: TestApp) => t.app.notifier as RecordingNotifier;

export interface PublishReply {
  notice: { id: string; type: string; title: string; body: string; attachment: { kind: string; count: number; hash: string } };
  publishedOn: string;
  count: number;
  objections: { filingLastDay: string; filingDeadline: string; rule: string };
  warning: string | null;
  election: { phase: string; calendar: { key: string; lastDay: string; provisional?: boolean }[] };
}

export interface ObjectionReply {
  objection: {
    id: string;
    no: number;
    status: string;
    subject: { name: string; group: string };
    receivedOn: string;
    decisionLastDay: string;
    decisionDeadline: string;
    decision: null | { outcome: string; reason: string; late: boolean; change: { kind: string } | null; noticeId: string };
  };
}

/** The WeChat user taps 允许 `times` times on the deployment's notice template (notices.subscribe). */
export async function subscribe(t: TestApp, openid: string, times = 1): Promise<void> {
  const tpl = t.app.settings.noticeTemplateId;
  for (let i = 0; i < times; i++) await t.ok('notices', { action: 'subscribe', templateIds: [tpl], accepted: [tpl] }, openid);
}
