/** Roll entries as the store keeps them: the ID number only as blind index (and the birth date and sex it gives). */
import { addDays, type CivilDate } from '../../src/domain/civil-date';
import { parseIdNumber } from '../../src/domain/id-number';
import type { VoterDoc } from '../../src/contracts/documents/roll-documents.schema';
import type { Store } from '../ports/store.port';
import { keyedHash, newId, randomCode, type RandomSource } from '../security/keyed-hash';
import { nameKey } from '../use-cases/shared/name-key.records';
import { rollKeyId } from '../use-cases/roll/registration-claim.records';
import { syntheticIdNumber } from './synthetic-people';
import { maskPhone } from '../../src/domain/registration-row';
import type { PhoneBox } from '../security/phone-box';

export interface DraftVoter {
  readonly id: string;
  readonly doc: VoterDoc;
  /** Clear values exist only in memory, for the dev persona file and tests. */
  readonly idNumber: string;
  readonly bindingCode: string;
}

export interface VoterSpec {
  readonly electionId: string;
  readonly villageId: string;
  readonly name: string;
  readonly sex: 'M' | 'F';
  readonly birthDate: CivilDate;
  readonly group: string;
  readonly category: 'A' | 'B' | 'C';
  readonly status: VoterDoc['status'];
  readonly electionDay: CivilDate;
  readonly idNumber?: string;
  readonly withPhone?: boolean;
}

/**
 * A synthetic entry. With `phones`, a phone-holding entry gets a generated mobile number sealed
 * as an import would (callable); without, only a masked form (as stores from before sealing).
 */
export function draftVoter(spec: VoterSpec, key: string, rng: RandomSource, at: string, phones?: PhoneBox): DraftVoter {
  const idNumber = spec.idNumber ?? syntheticIdNumber(rng, spec.birthDate, spec.sex);
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) throw new Error(`invalid ID number for ${spec.name}`);
  const idHash = keyedHash(key, 'id', parsed.value.normalized);
  const phone = spec.withPhone ? `1${3 + rng.int(6)}${rng.int(10)}${String(rng.int(1e8)).padStart(8, '0')}` : null;
  const bindingCode = randomCode(rng, 8);
  const doc: VoterDoc = {
    electionId: spec.electionId,
    villageId: spec.villageId,
    name: spec.name,
    nameKey: nameKey(spec.name),
    idHash,
    birthDate: parsed.value.birthDate,
    sex: parsed.value.sex,
    group: spec.group,
    category: spec.category,
    status: spec.status,
    statusReason: null,
    confirmed: false,
    bindingCodeHash: keyedHash(key, 'binding-code', bindingCode),
    boundTo: null,
    // Never in clear: masked for display, sealed for the committee's calls (RULES.md §7).
    phoneMasked: phone === null ? null : maskPhone(phone),
    phoneSealed: phone !== null && phones ? phones.seal(phone, idHash) : null,
    residenceSince: spec.category === 'C' ? addDays(spec.electionDay, -(400 + rng.int(2000))) : null,
    note: null,
    createdAt: at,
    updatedAt: at,
    // A registered B or C entry carries the record that made it registered (src/domain/registration.ts).
    declaration: spec.category === 'B' && spec.status === 'registered' ? { channel: 'inPerson', on: at.slice(0, 10), livesIn: null, at } : null,
    residenceDecision:
      spec.category === 'C' && spec.status === 'registered'
        ? { outcome: 'approved', meeting: 'representativeMeeting', meetingDate: at.slice(0, 10), minutesRef: '村民代表会议记录（示例）', reason: null, at }
        : null,
    confirmedAt: null,
  };
  return { id: newId(rng, 'p'), doc, idNumber, bindingCode };
}

/**
 * Writes entries, their roll keys and — for registered entries only, as the roll does (不重登:
 * only a registered entry holds the person's registration) — their deployment-wide idIndex
 * claims, in transactions of `batch`.
 */
export async function writeVoters(store: Store, drafts: readonly DraftVoter[], at: string, batch = 400): Promise<void> {
  for (let i = 0; i < drafts.length; i += batch) {
    const slice = drafts.slice(i, i + batch);
    await store.runTransaction(async (tx) => {
      for (const d of slice) {
        await tx.set('voter', d.id, d.doc);
        await tx.set('meta', rollKeyId(d.doc.electionId, d.doc.idHash), { voterId: d.id });
        if (d.doc.status === 'registered') await tx.set('idIndex', d.doc.idHash, { voterId: d.id, villageId: d.doc.villageId, electionId: d.doc.electionId, at });
      }
    });
  }
}
