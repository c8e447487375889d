/** Roll entries: how a new one is written, and how the committee sees one (no ID digits, RULES.md §7). */
import type { RosterEntry } from '../../../src/contracts/roll.contract';
import { CATEGORY_LABELS, DECLARATION_CHANNEL_LABELS, MEETING_LABELS, STATUS_LABELS } from '../../../src/contracts/labels';
import type { ElectionDoc } from '../../../src/contracts/documents/election-documents.schema';
import type { VoterDoc } from '../../../src/contracts/documents/roll-documents.schema';
import type { CivilDate } from '../../../src/domain/civil-date';
import { ageOn } from '../../../src/domain/id-number';
import { statusForCategory, type VoterCategory } from '../../../src/domain/registration';
import type { WithId } from '../../runtime/documents';
import { keyedHash, newId, randomCode, type RandomSource } from '../../security/keyed-hash';
import { nameKey } from '../shared/name-key.records';

/** Binding codes are 8 characters of CODE_ALPHABET (as bindingCodeSchema expects). */
export const BINDING_CODE_LENGTH = 8;

export interface NewEntry {
  readonly electionId: string;
  readonly villageId: string;
  readonly name: string;
  readonly idHash: string;
  readonly birthDate: CivilDate;
  readonly sex: 'M' | 'F';
  readonly group: string;
  readonly category: VoterCategory;
  readonly phoneMasked: string | null;
  /** The phone sealed under the deployment's phone key (server/security/phone-box.ts). */
  readonly phoneSealed?: string | null;
  readonly residenceSince: CivilDate | null;
  readonly note: string | null;
  readonly boundTo: string | null;
}

/**
 * A new entry with a fresh binding code: the code is returned to print on the 选民登记告知书
 * and only its keyed hash is stored. A new entry's status follows its category: A registered,
 * B pending until the person declares, C pending until the meeting approves.
 */
export function draftRollEntry(e: NewEntry, key: string, rng: RandomSource, at: string): { id: string; doc: VoterDoc; bindingCode: string } {
  const bindingCode = randomCode(rng, BINDING_CODE_LENGTH);
  const doc: VoterDoc = {
    electionId: e.electionId,
    villageId: e.villageId,
    name: e.name,
    nameKey: nameKey(e.name),
    idHash: e.idHash,
    birthDate: e.birthDate,
    sex: e.sex,
    group: e.group,
    category: e.category,
    status: statusForCategory({ category: e.category, declared: false, residence: null }),
    statusReason: null,
    confirmed: false,
    bindingCodeHash: keyedHash(key, 'binding-code', bindingCode),
    boundTo: e.boundTo,
    phoneMasked: e.phoneMasked,
    phoneSealed: e.phoneSealed ?? null,
    residenceSince: e.category === 'C' ? e.residenceSince : null,
    note: e.note,
    createdAt: at,
    updatedAt: at,
    declaration: null,
    residenceDecision: null,
    confirmedAt: null,
  };
  return { id: newId(rng, 'p'), doc, bindingCode };
}

export function rosterEntry(v: WithId<VoterDoc>, election: Pick<ElectionDoc, 'electionDay'>): RosterEntry {
  const r = v.residenceDecision ?? null;
  const d = v.declaration ?? null;
  return {
    id: v._id,
    name: v.name,
    group: v.group,
    category: v.category,
    categoryLabel: CATEGORY_LABELS[v.category],
    status: v.status,
    statusLabel: STATUS_LABELS[v.status],
    statusReason: v.statusReason,
    birthDate: v.birthDate,
    phoneMasked: v.phoneMasked,
    sex: v.sex,
    ageOnElectionDay: ageOn(v.birthDate, election.electionDay),
    confirmed: v.confirmed,
    bound: v.boundTo !== null,
    locked: Boolean(v.bindLockedAt),
    residenceSince: v.residenceSince,
    residence: r ? { outcome: r.outcome, meeting: r.meeting, meetingLabel: MEETING_LABELS[r.meeting], meetingDate: r.meetingDate, minutesRef: r.minutesRef } : null,
    declaration: d ? { channel: d.channel, channelLabel: DECLARATION_CHANNEL_LABELS[d.channel], on: d.on, livesIn: d.livesIn } : null,
    note: v.note,
  };
}

/** The category record the domain rules read from a stored entry. */
export const categoryRecordOf = (v: Pick<VoterDoc, 'category' | 'declaration' | 'residenceDecision'>) => ({
  category: v.category,
  declared: Boolean(v.declaration),
  residence: v.residenceDecision?.outcome ?? null,
});
