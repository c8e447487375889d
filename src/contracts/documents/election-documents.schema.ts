import * as z from 'zod/mini';
import { civilDateSchema, electionKindSchema, memberRoleSchema, postSchema } from '../common.schema';
import { electionCommitteeRecord, votingArrangementsRecord } from '../election-setup.schema';

/**
 * Shapes of stored documents, checked on every read (ARCHITECTURE.md principle 4): a document
 * that does not match is a fault, never silently trusted. Storage only: no action contract
 * imports this folder (docs/architecture.md, "Contracts describe the wire").
 */

/** Villages, committee invitations and seats, and the election itself. */
export const villageDoc = z.object({
  name: z.string(),
  kind: electionKindSchema,
  presetId: z.string(),
  townshipId: z.string(),
  groups: z.array(z.string()),
  createdAt: z.string(),
});
export type VillageDoc = z.infer<typeof villageDoc>;

const memberShape = z.object({
  openid: z.string(),
  villageId: z.string(),
  role: memberRoleSchema,
  joinedAt: z.string(),
  /**
   * The election this member serves (任期). Set at redemption to the village's current election
   * (meta/activeElection), or when the village's next election is created; null until then. The
   * term ends when that election is closed.
   */
  termElectionId: z.nullable(z.string()),
  /** The member's own roll entry, when their WeChat is bound to a voter of this village. */
  voterId: z.nullable(z.string()),
  status: z.enum(['active', 'revoked']),
  revokedAt: z.nullable(z.string()),
  /** Audit actor of whoever revoked (keyed hash), never a raw openid. */
  revokedBy: z.nullable(z.string()),
  revokeReason: z.nullable(z.enum(['TOWNSHIP', 'CANDIDATE'])),
  /** The township's stated reason, in its words. */
  revokeNote: z.nullable(z.string()),
});

/** A member document written before roles and terms (role 'committee', nothing else). */
export function isLegacyMember(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { role?: unknown }).role === 'committee';
}

/** Migrate on read: a legacy member was an active 委员 with no term and no voter link yet. */
function upgradeMember(raw: unknown): unknown {
  if (!isLegacyMember(raw)) return raw;
  return {
    termElectionId: null,
    voterId: null,
    status: 'active',
    revokedAt: null,
    revokedBy: null,
    revokeReason: null,
    revokeNote: null,
    ...(raw as object),
    role: 'member',
  };
}

/** member/{villageId}:{openid}: one WeChat user's seat on a village's election committee. */
export const memberDoc = z.pipe(z.transform(upgradeMember), memberShape);
export type MemberDoc = z.output<typeof memberShape>;

/** meta/committeeVoter:{voterId}: the member linked to a roll entry, readable by id in a transaction. */
export const committeeVoterLinkDoc = z.object({ memberId: z.string(), villageId: z.string() });

export const electionDoc = z.object({
  villageId: z.string(),
  /** The village's name, kept at creation so a villager's reply needs no village read; absent on older elections. */
  villageName: z.optional(z.string()),
  title: z.string(),
  kind: electionKindSchema,
  presetId: z.string(),
  electionDay: civilDateSchema,
  posts: z.array(z.object({ post: postSchema, seats: z.int() })),
  registrationOpensOn: z.nullable(civilDateSchema),
  nominationOpensOn: z.nullable(civilDateSchema),
  nominationClosesOn: z.nullable(civilDateSchema),
  voterListPublishedOn: z.nullable(civilDateSchema),
  /**
   * The published list's notice and row count, written with voterListPublishedOn, so finding the
   * entry behind a 序号 reads its map chunk straight away (no read of the freeze). Absent on
   * elections published before it existed (the freeze is read then).
   */
  voterList: z.optional(z.object({ noticeId: z.string(), count: z.int().check(z.gte(0)) })),
  status: z.enum(['active', 'closed']),
  createdAt: z.string(),
  /** 村民选举委员会 roster (committee.updateElection); absent until first recorded. */
  electionCommittee: z.optional(z.nullable(electionCommitteeRecord)),
  /** Voting hours, 中心会场, 投票站 and 流动票箱 (committee.updateElection); absent until recorded. */
  voting: z.optional(z.nullable(votingArrangementsRecord)),
  /** Bumped by every change through committee.updateElection (a form loaded earlier is refused as stale). */
  revision: z.optional(z.int().check(z.gte(0))),
  updatedAt: z.optional(z.string()),
});
export type ElectionDoc = z.infer<typeof electionDoc>;
