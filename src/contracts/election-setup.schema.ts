import * as z from 'zod/mini';
import { civilDateSchema, personNameSchema, requiredText, safeText } from './common.schema';

/**
 * The data committee.updateElection keeps on the election and the typed notices announce:
 * the 村民选举委员会 roster (RULES.md §2) and the election-day voting arrangements (RULES.md §5,
 * §6). Input schemas carry the Chinese messages forms show; the numeric rules (members, 主任,
 * monitors, the mobile-box guide) are the domain's (src/domain/election-setup.ts,
 * src/domain/voting-arrangements.ts), checked against the election's rule set.
 */

export const committeeRoleSchema = z.enum(['chair', 'viceChair', 'member'], { error: '职务只能是主任、副主任或委员' });
export const committeeChosenBySchema = z.enum(['villagerMeeting', 'representativeMeeting', 'groupMeetings'], { error: '请选择由哪个会议推选' });

/** Text that is published on a notice: never anything shaped like an ID or phone number (RULES.md §7). */
function placeText(what: string, max: number) {
  return safeText(what, { min: 2, max });
}

const groupNameSchema = requiredText('请选择村民小组', 40, '小组名称太长了');

const clockTimeSchema = (what: string) =>
  z.string({ error: `请填写${what}` }).check(z.maxLength(5, { error: `${what}应为 08:00 这样的时刻（24小时制）` }), z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${what}应为 08:00 这样的时刻（24小时制）` }));

export const electionCommitteeMemberSchema = z.strictObject({ name: personNameSchema, role: committeeRoleSchema, group: groupNameSchema });

/** 村民选举委员会: who chose it, when, and its members (at least the preset's number). */
export const electionCommitteeInputSchema = z.strictObject({
    chosenBy: committeeChosenBySchema,
    chosenOn: civilDateSchema,
    members: z.array(electionCommitteeMemberSchema, { error: '请填写选举委员会成员' }).check(z.minLength(1, { error: '请填写选举委员会成员' }), z.maxLength(25, { error: '选举委员会成员太多了' })),
  });
export type ElectionCommitteeInput = z.infer<typeof electionCommitteeInputSchema>;

export const monitorSchema = z.strictObject({ name: personNameSchema, group: groupNameSchema });

export const pollingStationSchema = z.strictObject({
    name: placeText('投票站名称', 20),
    place: placeText('投票站地点', 40),
    groups: z.array(groupNameSchema, { error: '请选择这个投票站服务的村民小组' }).check(z.minLength(1, { error: '每个投票站至少服务一个村民小组' }), z.maxLength(60, { error: '小组太多了' })),
  });

export const mobileBallotBoxSchema = z.strictObject({
    /** The station it sets out from, by name, or 中心会场. */
    station: requiredText('请选择流动票箱从哪里出发', 20, '名称太长了'),
    monitors: z.array(monitorSchema, { error: '请填写监票人员' }).check(z.maxLength(10, { error: '监票人员太多了' })),
  });

/** Voting hours (Asia/Shanghai), the central place, polling stations and mobile boxes. */
export const votingArrangementsInputSchema = z.strictObject({
    opensAt: clockTimeSchema('投票开始时间'),
    closesAt: clockTimeSchema('投票结束时间'),
    centralPlace: placeText('中心会场地点', 40),
    stations: z.array(pollingStationSchema, { error: '投票站填写有误' }).check(z.maxLength(30, { error: '投票站太多了' })),
    mobileBoxes: z.array(mobileBallotBoxSchema, { error: '流动票箱填写有误' }).check(z.maxLength(30, { error: '流动票箱太多了' })),
  });
export type VotingArrangementsInput = z.infer<typeof votingArrangementsInputSchema>;

/**
 * Stored shapes (read back with zod, ARCHITECTURE.md principle 4). Plain on purpose: a rule that
 * tightens later must not make an old election unreadable; the notice readiness check applies
 * the current rules instead.
 */
export const electionCommitteeRecord = z.object({
  chosenBy: committeeChosenBySchema,
  chosenOn: z.string(),
  members: z.array(z.object({ name: z.string(), role: committeeRoleSchema, group: z.string() })),
  updatedAt: z.string(),
});
export type ElectionCommitteeRecord = z.infer<typeof electionCommitteeRecord>;

export const votingArrangementsRecord = z.object({
  opensAt: z.string(),
  closesAt: z.string(),
  centralPlace: z.string(),
  stations: z.array(z.object({ name: z.string(), place: z.string(), groups: z.array(z.string()) })),
  mobileBoxes: z.array(z.object({ station: z.string(), monitors: z.array(z.object({ name: z.string(), group: z.string() })) })),
  updatedAt: z.string(),
});
export type VotingArrangementsRecord = z.infer<typeof votingArrangementsRecord>;
