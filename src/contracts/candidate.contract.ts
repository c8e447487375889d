import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { civilDateSchema, idSchema, personNameSchema, postSchema, refuseUnsafeCharacters, requiredText } from './common.schema';
import { ballotNamesSchema, nomineeViewSchema } from './nominee.schema';

/** The committee's side of nominations: tally, close, formal candidates (RULES.md §2–3). */

const electionIdSchema = requiredText('缺少选举编号', 64, '选举编号不对');
const recordSchema = refuseUnsafeCharacters(z.string({ error: '请写明依据' }).check(z.trim(), z.minLength(2, { error: '请写明会议或决定的记录' }), z.maxLength(200, { error: '不超过200字' })), '依据');

const tallyLineSchema = z.object({ voterId: idSchema, name: z.string(), group: z.string(), sex: z.enum(['M', 'F']), votes: z.int() });

/**
 * One signed ballot naming the nominee the committee asked about (`tally` with `nominee`): who
 * signed it, for which post, how it came in, and a short-lived link to the signature drawing.
 */
export const nomineeBallotSchema = z.object({
  voterId: idSchema,
  name: z.string(),
  group: z.string(),
  post: postSchema,
  postLabel: z.string(),
  channel: z.enum(['app', 'paper']),
  /** Reference of the scanned paper ballot (paper only). */
  scanRef: z.nullable(z.string()),
  valid: z.boolean(),
  submittedAt: z.string(),
  /** Short-lived URL of the SVG drawing of the signature; null for paper ballots. */
  signatureUrl: z.nullable(z.string()),
});

export type NomineeBallot = z.infer<typeof nomineeBallotSchema>;

export const candidateStatusSchema = z.enum(['candidate', 'flagged', 'disqualified', 'withdrawn']);

export const candidateViewSchema = z.extend(nomineeViewSchema, {
  post: postSchema,
  postLabel: z.string(),
  votes: z.int(),
  via: z.enum(['votes', 'tieResolution', 'womanRule']),
  status: candidateStatusSchema,
  review: z.array(z.object({ key: z.string(), label: z.string(), outcome: z.enum(['pass', 'flag', 'block']), note: z.nullable(z.string()), source: z.string() })),
});

export const selectionViewSchema = z.object({
  publishable: z.boolean(),
  problems: z.array(z.object({ reason: z.string(), post: z.string(), message: z.string(), tied: z.optional(z.array(tallyLineSchema)), slots: z.optional(z.int()) })),
  posts: z.array(z.object({ post: postSchema, label: z.string(), seats: z.int(), target: z.int(), initialCount: z.int(), status: z.enum(['ok', 'tie', 'shortfall']), candidates: z.array(candidateViewSchema) })),
  woman: z.object({ status: z.enum(['present', 'added', 'tie', 'noneNominated', 'pending']), message: z.string() }),
});

export const tally = defineAction({
  fn: 'committee',
  action: 'tally',
  who: 'committee',
  summary: '提名计票：每个职位的得票（只有票数，不显示谁提名了谁），可与审计日志重新计票核对；指定被提名人时另给出提名他的签名票（仅选举委员会）',
  input: z.strictObject({ electionId: electionIdSchema, recount: z.optional(z.boolean()), nominee: z.optional(idSchema) }),
  output: z.object({
    ballots: z.int(),
    valid: z.int(),
    invalid: z.int(),
    paper: z.int(),
    posts: z.array(z.object({ post: postSchema, label: z.string(), seats: z.int(), lines: z.array(tallyLineSchema) })),
    closed: z.boolean(),
    /** Present when `recount` was asked: the count rebuilt from the audit log and whether it matches. */
    recount: z.nullable(z.object({ matches: z.boolean(), ballots: z.int() })),
    /** After close: the Merkle root over the valid ballots' hashes (printed on the candidate notice). */
    merkleRoot: z.nullable(z.string()),
    seatsToFill: z.array(z.object({ voterId: idSchema, name: z.string() })),
    /** Present when `nominee` was asked: every ballot naming that person (any post), oldest first; null otherwise. */
    nomineeBallots: z.nullable(z.array(nomineeBallotSchema)),
    at: z.string(),
  }),
  errors: { FORBIDDEN: ['NOT_COMMITTEE', 'MEMBER_REVOKED'], NOT_FOUND: ['ELECTION_UNKNOWN'] },
});

export const closeNominations = defineAction({
  fn: 'committee',
  action: 'closeNominations',
  who: 'committee',
  mutates: true,
  summary: '结束提名，确定初步和正式候选人；票数相同时记录选举委员会的决定（预选或抽签）',
  input: z.strictObject({
      electionId: electionIdSchema,
      resolution: z.optional(z.strictObject({ post: z.enum(['director', 'deputy', 'member', 'woman']), chosen: z.array(idSchema).check(z.minLength(1, { error: '请选择人选' })), method: z.enum(['preElection', 'draw']), record: recordSchema })),
      margins: z.optional(z.strictObject({ director: z.optional(z.int().check(z.gte(0), z.lte(5))), deputy: z.optional(z.int().check(z.gte(0), z.lte(5))), member: z.optional(z.int().check(z.gte(0), z.lte(5))) })),
    }),
  output: z.object({
    closedAt: z.string(),
    selection: selectionViewSchema,
    tallyHash: z.string(),
    /** Election committee members who became candidates and left the committee (RULES.md §2): the committee fills their seats. */
    seatsToFill: z.array(z.object({ voterId: idSchema, name: z.string() })),
  }),
  errors: {
    FORBIDDEN: ['NOT_COMMITTEE', 'MEMBER_REVOKED'],
    NOT_FOUND: ['ELECTION_UNKNOWN'],
    WINDOW_CLOSED: ['WINDOW_STILL_OPEN', 'ALREADY_PUBLISHED'],
    INVALID_INPUT: ['RESOLUTION_NOT_APPLICABLE'],
  },
});

export const reviewCandidate = defineAction({
  fn: 'committee',
  action: 'reviewCandidate',
  who: 'committee',
  mutates: true,
  summary: '资格审查：逐项记录通过、存疑或不符合，写明理由和依据；也记录学历、党员、连任等报表信息',
  input: z.strictObject({
      electionId: electionIdSchema,
      voterId: idSchema,
      checks: z.array(z.strictObject({ key: z.string().check(z.minLength(1), z.maxLength(40)), outcome: z.enum(['pass', 'flag', 'block']), note: z.optional(z.string().check(z.trim(), z.maxLength(200))) })).check(z.maxLength(20)),
      profile: z.optional(z.strictObject({ education: z.optional(z.string().check(z.maxLength(20))), partyMember: z.optional(z.boolean()), incumbent: z.optional(z.boolean()) })),
    }),
  output: z.object({ candidate: candidateViewSchema, selection: selectionViewSchema }),
  errors: { FORBIDDEN: ['NOT_COMMITTEE', 'MEMBER_REVOKED'], NOT_FOUND: ['ELECTION_UNKNOWN', 'NOT_A_CANDIDATE'], INVALID_INPUT: ['UNKNOWN_CHECK', 'NOTE_REQUIRED'], WINDOW_CLOSED: ['NOT_CLOSED'] },
});

export const withdrawCandidate = defineAction({
  fn: 'committee',
  action: 'withdrawCandidate',
  who: 'committee',
  mutates: true,
  summary: '候选人书面退出：记录书面申请，按得票依次递补，已公布的名单需重新公布',
  input: z.strictObject({ electionId: electionIdSchema, voterId: idSchema, writtenOn: civilDateSchema, record: recordSchema }),
  output: z.object({ selection: selectionViewSchema, refilledBy: z.nullable(nomineeViewSchema), republishNeeded: z.boolean() }),
  errors: { FORBIDDEN: ['NOT_COMMITTEE', 'MEMBER_REVOKED'], NOT_FOUND: ['ELECTION_UNKNOWN', 'NOT_A_CANDIDATE'], CONFLICT: ['ALREADY_WITHDRAWN'], WINDOW_CLOSED: ['NOT_CLOSED', 'ELECTION_DAY_PASSED'] },
});

export const publishCandidates = defineAction({
  fn: 'committee',
  action: 'publishCandidates',
  who: 'committee',
  mutates: true,
  summary: '公布正式候选人名单（按姓氏笔画或得票排序），生成正式候选人名单公告',
  input: z.strictObject({ electionId: electionIdSchema }),
  output: z.object({ publishedAt: z.string(), version: z.int(), order: z.enum(['stroke', 'votes']), posts: z.array(z.object({ post: postSchema, label: z.string(), names: z.array(z.extend(nomineeViewSchema, { votes: z.int() })) })), tallyRoot: z.string() }),
  errors: {
    FORBIDDEN: ['NOT_COMMITTEE', 'MEMBER_REVOKED'],
    NOT_FOUND: ['ELECTION_UNKNOWN'],
    WINDOW_CLOSED: ['NOT_CLOSED', 'PAST_DEADLINE'],
    CONFLICT: ['TIE_AT_CUT', 'SHORTFALL', 'WOMAN_TIE', 'REVIEW_PENDING', 'UNCHANGED'],
  },
});

export const enterPaperNomination = defineAction({
  fn: 'committee',
  action: 'enterPaperNomination',
  who: 'committee',
  mutates: true,
  summary: '录入纸质提名票（代写或收回的纸质票），与线上提名计入同一计票；无效票计为无效',
  input: z.strictObject({
      electionId: electionIdSchema,
      voterId: idSchema,
      voterName: personNameSchema,
      names: ballotNamesSchema,
      valid: z.boolean(),
      invalidReason: z.optional(refuseUnsafeCharacters(z.string().check(z.trim(), z.maxLength(100)), '无效原因')),
      scanRef: z.string({ error: '请填写纸质票编号或扫描件编号' }).check(z.trim(), z.minLength(1, { error: '请填写纸质票编号或扫描件编号' }), z.maxLength(60)),
      assisted: z.boolean(),
    }),
  output: z.object({ receiptCode: z.string(), valid: z.boolean() }),
  errors: {
    FORBIDDEN: ['NOT_COMMITTEE', 'MEMBER_REVOKED'],
    NOT_FOUND: ['ELECTION_UNKNOWN', 'VOTER_UNKNOWN'],
    INVALID_INPUT: ['NAME_MISMATCH', 'EMPTY_BALLOT', 'UNKNOWN_POST', 'TOO_MANY_NAMES', 'DUPLICATE_NOMINEE', 'INVALID_REASON_REQUIRED'],
    NOT_ELIGIBLE: ['NOT_REGISTERED', 'NOMINEE_OTHER_VILLAGE', 'NOMINEE_NOT_REGISTERED', 'NOMINEE_UNDER_AGE'],
    WINDOW_CLOSED: ['NOT_OPEN_YET', 'CLOSED', 'NO_WINDOW', 'NOMINATIONS_CLOSED'],
    CONFLICT: ['DIGITAL_BALLOT_EXISTS', 'ALREADY_SUBMITTED'],
  },
});
