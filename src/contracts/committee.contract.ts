import * as z from 'zod/mini';
import { defineAction } from './define-action';
import { COMMITTEE_REFUSALS, civilDateSchema, electionSummarySchema, idInput, idSchema, postSchema } from './common.schema';
import { committeeRoleSchema, electionCommitteeInputSchema, votingArrangementsInputSchema } from './election-setup.schema';

const electionTitleSchema = z.string().check(z.trim(), z.minLength(2, { error: '标题至少两个字' }), z.maxLength(40, { error: '标题太长了' }));

const postsSchema = z
  .array(z.object({ post: postSchema, seats: z.int({ error: '名额必须是整数' }).check(z.gte(1, { error: '名额至少为1' }), z.lte(9, { error: '名额太多了' })) }), {
    error: '请填写职位和名额',
  }).check(z.minLength(1, { error: '至少要有一个职位' }), z.refine((p) => new Set(p.map((x) => x.post)).size === p.length, { error: '同一职位只能填写一次' }));

/** 选举委员会 — set up an election; returns the statutory calendar. */
export const createElection = defineAction({
  fn: 'committee',
  action: 'createElection',
  mutates: true,
  who: 'committee',
  summary: '创建本届选举：职位和名额、选举日、适用规则；返回法定日程',
  input: z.strictObject({
      villageId: idInput('村（社区）'),
      title: z.optional(electionTitleSchema),
      electionDay: civilDateSchema,
      posts: postsSchema,
      registrationOpensOn: z.optional(civilDateSchema),
      nominationOpensOn: z.optional(civilDateSchema),
      nominationClosesOn: z.optional(civilDateSchema),
    }),
  output: z.object({ election: electionSummarySchema }),
  errors: {
    INVALID_INPUT: ['BAD_DATE', 'BAD_SEATS', 'WINDOW_ORDER'],
    FORBIDDEN: COMMITTEE_REFUSALS,
    NOT_FOUND: ['VILLAGE_UNKNOWN', 'NO_RULE_SET'],
    CONFLICT: ['ELECTION_EXISTS'],
    WINDOW_CLOSED: ['ELECTION_DAY_TOO_SOON'],
  },
});

const nullableDate = z.nullable(civilDateSchema);

const setupLockSchema = z.object({
  field: z.enum(['title', 'electionDay', 'presetId', 'posts', 'registrationOpensOn', 'nominationWindow', 'electionCommittee', 'voting']),
  reason: z.enum(['FIXED_BY_VOTER_LIST', 'NOMINATION_STARTED', 'ELECTION_DAY_REACHED']),
  message: z.string(),
});

const rosterViewSchema = z.extend(electionCommitteeInputSchema, {
  members: z.array(z.object({ name: z.string(), role: committeeRoleSchema, roleLabel: z.string(), group: z.string() })),
  chosenByLabel: z.string(),
  updatedAt: z.string(),
});

const votingViewSchema = z.object({
  opensAt: z.string(),
  closesAt: z.string(),
  centralPlace: z.string(),
  stations: z.array(z.object({ name: z.string(), place: z.string(), groups: z.array(z.string()) })),
  mobileBoxes: z.array(z.object({ station: z.string(), monitors: z.array(z.object({ name: z.string(), group: z.string() })) })),
  /** Groups no station serves: they vote at the 中心会场. */
  centralGroups: z.array(z.string()),
  updatedAt: z.string(),
});

/**
 * 修改选举设置 — change what createElection set (title, election day, rule preset, posts and
 * seats, registration start, nomination window) and record the 村民选举委员会 roster and the
 * voting arrangements the typed notices announce. Send only what changes; a call with no change
 * (only `electionId`) changes nothing and returns the current setup, for the setup page.
 *
 * Lock points (setupLocks in src/domain/election-setup.ts): from the voter list's publication,
 * election day, preset, title and registration start; from the day nomination opens, posts and
 * the nomination window; from election day, the voting arrangements. The roster can change
 * while the election is active (a member nominated as candidate leaves it, RULES.md §2). A
 * locked field sent unchanged is not a change.
 */
export const updateElection = defineAction({
  fn: 'committee',
  action: 'updateElection',
  mutates: true,
  who: 'committee',
  summary:
    '修改选举设置：选举名称、选举日、适用规则、职位和名额、登记和提名时间，选举委员会成员名单（姓名、职务、小组），投票时间、中心会场、投票站和流动票箱（监票人员）；选民名单公布后选举日等不能再改，提名开始后名额和提名时间不能再改，选举日起投票安排不能再改；返回法定日程。只带选举编号时不作修改，返回现在的设置',
  input: z.strictObject({
      electionId: idSchema,
      /** The revision the form was loaded at (from a previous reply): a change made by someone else since is refused. */
      revision: z.optional(z.int({ error: '版本号必须是整数' }).check(z.gte(0, { error: '版本号不对' }))),
      title: z.optional(electionTitleSchema),
      electionDay: z.optional(civilDateSchema),
      presetId: z.optional(z.string({ error: '请选择适用规则' }).check(z.minLength(1, { error: '请选择适用规则' }), z.maxLength(40, { error: '规则编号太长' }))),
      posts: z.optional(postsSchema),
      /** null: back to the preset's default. */
      registrationOpensOn: z.optional(nullableDate),
      nominationOpensOn: z.optional(nullableDate),
      nominationClosesOn: z.optional(nullableDate),
      electionCommittee: z.optional(electionCommitteeInputSchema),
      voting: z.optional(votingArrangementsInputSchema),
    }),
  output: z.object({
    election: electionSummarySchema,
    /** Increases with every change; send it back with the next change. */
    revision: z.int(),
    /** The fields this call changed (empty for a read). */
    changed: z.array(z.string()),
    /** Accepted, but worth a second look (an even roster, more mobile boxes than the guide, …). */
    warnings: z.array(z.string()),
    setup: z.object({
      registrationOpensOn: nullableDate,
      nominationOpensOn: nullableDate,
      nominationClosesOn: nullableDate,
      electionCommittee: z.nullable(rosterViewSchema),
      voting: z.nullable(votingViewSchema),
      /** The village groups a member, station or monitor can belong to. */
      groups: z.array(z.string()),
      registeredVoters: z.int(),
      /** The rule set's numbers the form shows next to the fields. */
      rules: z.object({ minCommitteeMembers: z.int(), committeeChairs: z.int(), minBoxMonitors: z.int(), mobileBoxGuideMax: z.nullable(z.int()) }),
      /** Fields that can no longer change, and why. */
      locks: z.array(setupLockSchema),
    }),
  }),
  errors: {
    INVALID_INPUT: [
      'BAD_DATE',
      'BAD_SEATS',
      'WINDOW_ORDER',
      'PAST_DATE',
      'ROSTER_TOO_SMALL',
      'ROSTER_CHAIR',
      'ROSTER_DUPLICATE',
      'UNKNOWN_GROUP',
      'BAD_HOURS',
      'STATION_DUPLICATE',
      'GROUP_TWICE',
      'UNKNOWN_STATION',
      'TOO_FEW_MONITORS',
      'MONITOR_TWICE',
    ],
    UNAUTHENTICATED: ['NO_OPENID'],
    FORBIDDEN: COMMITTEE_REFUSALS,
    NOT_FOUND: ['ELECTION_UNKNOWN', 'PRESET_UNKNOWN', 'NO_RULE_SET'],
    CONFLICT: ['ELECTION_CLOSED', 'STALE_REVISION', 'VOTERS_UNDER_AGE', 'ROLL_CHANGED'],
    WINDOW_CLOSED: ['ELECTION_DAY_TOO_SOON', 'FIXED_BY_VOTER_LIST', 'NOMINATION_STARTED', 'ELECTION_DAY_REACHED'],
  },
});
