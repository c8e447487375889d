/** The shared setting of the executed examples (docs/api.md): fixed instant, callers, synthetic IDs, the state steps pass on. */
import type { Envelope } from '../../src/contracts/envelope';
import { idCheckChar } from '../../src/domain/id-number';
import type { AppContext } from '../runtime/context';

export const EXAMPLE_NOW = '2026-03-02T01:30:00.000Z';
/** A synthetic ID number (area 990101 does not exist) for the person a committee adds on an objection. */
export const EXAMPLE_MISSING_PERSON_ID = ((first17: string) => first17 + idCheckChar(first17))('99010119750315013');

/** The deployment's notice template (NOTICE_TEMPLATE_ID), as notices.list gives it and notices.subscribe reports it. */
export const EXAMPLE_NOTICE_TEMPLATE = 'Xq3mD8vTnoticeTemplate01';

export const EXAMPLE_OPENIDS = { township: 'oTownshipAdmin', clerk: 'oCommitteeClerk', villager: 'oVillager', migrant: 'oMigrant', newcomer: 'oNewcomer', notOnRoll: 'oNotOnRoll', secondMember: 'oSecondMember' } as const;

/** Synthetic ID numbers (area 990101 does not exist) for the roll examples. */
const rollExampleId = (first17: string) => first17 + idCheckChar(first17);
export const ROLL_IDS = {
  a: rollExampleId('99010119720611051'),
  b: rollExampleId('99010119890203033'),
  c: rollExampleId('99010119800917044'),
  under18: rollExampleId('99010120080501021'),
  newcomer: rollExampleId('99010119930412066'),
  /** 王小红 as first typed (a wrong digit), and as corrected in the clerk's second file. */
  typo: rollExampleId('99010119660707082'),
  fixed: rollExampleId('99010119660707028'),
  /** A migrant the clerk left out of the sheet, who objects from afar without being on the roll. */
  notOnRoll: rollExampleId('99010119880808091'),
} as const;

export interface ExecutedExample {
  readonly fn: string;
  readonly action: string;
  readonly caller: string | null;
  readonly event: Record<string, unknown>;
  readonly reply: Envelope<unknown>;
}

/** `before`: what a client does before the call (an upload to file storage); `at`: the instant the step runs at, when not EXAMPLE_NOW (election-day actions). */
export type Step = {
  fn: string;
  caller: keyof typeof EXAMPLE_OPENIDS | null;
  event: (s: State) => Record<string, unknown>;
  keep?: (data: unknown, s: State) => void;
  before?: (app: AppContext, s: State) => Promise<void>;
  at?: string;
};
export interface State {
  villageId: string;
  inviteCode: string;
  electionId: string;
  voter: { name: string; idNumber: string; bindingCode: string };
  objectionId: string;
  /** Further objections of the examples, by who filed them. */
  objections: Record<string, string>;
  noticeId: string;
  /** 王秀英's roll entry, and the proxy examples' authorization and certificate. */
  voterId: string;
  proxy: { id: string; certificate: string };
  /** Roll examples (committee.importRoll and after): entries by name, the second village. */
  roll: Record<string, { voterId: string; bindingCode: string }>;
  other: { villageId: string; inviteCode: string; electionId: string; clerkInvite: string; clerkRef: string };
  /** The first roll import, and a sheet uploaded to storage (what the page does before importRoll). */
  importId: string;
  rollFileId: string;
}
