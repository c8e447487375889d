/**
 * National defaults (全国默认): the statute, 民政部《村民委员会选举规程》 and RULES.md's defaults,
 * for villages (村民委员会) and residents' communities (居民委员会).
 *
 * Article numbers are those of the 2018 texts. The 2025 revisions (adopted 2025-10-28, in force
 * 2026-01-01) renumber articles but keep this substance (RULES.md header), so the 2026 sets reuse
 * the same values; verify the new article numbers against the 2026 text.
 */
import type { Preset, RuleSet } from './types';

const VILLAGE_LAW = '《中华人民共和国村民委员会组织法》';
const COMMUNITY_LAW = '《中华人民共和国城市居民委员会组织法》';
const PROCEDURE = '民政部《村民委员会选举规程》（民发〔2013〕76号）';
const CIVIL_CODE = '《中华人民共和国民法典》';

const villageBase = {
  presetId: 'national',
  province: null,
  kind: 'village',
  voter: {
    /** @see 村民委员会组织法 (2018) Art. 13: 年满十八周岁的村民 have the right to vote; RULES.md §1 */
    minAge: 18,
    /** @see 村民委员会组织法 (2018) Art. 13 (三): 户籍不在本村，在本村居住一年以上; RULES.md §1 category C */
    residenceYearsForCategoryC: 1,
    /** @see RULES.md §1 "optionally, confirmed unable to exercise rights (provincial)": off in the national defaults */
    unableToExerciseFlagAllowed: false,
  },
  voterList: {
    /** @see 村民委员会组织法 (2018) Art. 14: 选举日的二十日前由村民选举委员会公布; RULES.md §1 */
    publishDaysBefore: 20,
    /** @see RULES.md §1 "warn when the gap is < 21 days": publishing on the last lawful day leaves no slack */
    warnWhenGapBelowDays: 21,
  },
  objection: {
    mode: 'afterPublication',
    /** @see 村民委员会组织法 (2018) Art. 14: 自名单公布之日起五日内向村民选举委员会申诉; RULES.md §1 */
    fileWithinDays: 5,
    /** @see 村民委员会组织法 (2018) Art. 14: 自收到申诉之日起三日内作出处理决定; RULES.md §1 */
    decideWithinDays: 3,
  },
  registration: {
    /**
     * @see 村民委员会选举规程 (选民登记): the statute and 规程 leave the registration start to the election
     * committee; this default (E−45) only fills the calendar when the committee sets none and leaves
     * more than three weeks of registration before the E−20 publication (RULES.md §1).
     */
    opensDaysBefore: 45,
  },
  nomination: {
    /**
     * @see RULES.md §3 "window: committee sets open/close": default the day after the latest
     * objection decision (E−20 publication + 5 filing + 3 deciding = E−12), so only the final list nominates
     */
    defaultOpensDaysBefore: 11,
    /** @see RULES.md §3: default close leaves E−7 and E−6 for qualification review before the E−5 candidate list */
    defaultClosesDaysBefore: 8,
    /** @see 村民委员会组织法 (2018) Art. 15 (登记参加选举的村民直接提名); RULES.md §3 default 1 = individual nomination */
    jointMinimum: 1,
    /** @see RULES.md §3 "a later submission inside the window replaces the earlier one" */
    resubmission: 'replace',
  },
  candidates: {
    /** @see RULES.md §3 "Formal list published ≥ 5 days before E"; 村民委员会选举规程 (确定正式候选人) */
    publishDaysBefore: 5,
    /** @see RULES.md §3 "by surname stroke count (姓氏笔画) by default"; 村民委员会选举规程 (公布正式候选人名单) */
    order: 'stroke',
    margins: {
      /** @see 村民委员会组织法 (2018) Art. 15 候选人名额应当多于应选名额; RULES.md §3 主任 +1 */
      director: { min: 1, max: 1 },
      /** @see RULES.md §3 副主任 +1 */
      deputy: { min: 1, max: 1 },
      /** @see RULES.md §3 委员 +1..+3 */
      member: { min: 1, max: 3 },
    },
    qualification: [
      /** @see 村民委员会组织法 (2018) Art. 13: only a villager with the right to vote and stand (有选举权和被选举权) may be elected; RULES.md §3 "nominee must be a registered voter … with the right to stand" */
      { key: 'rightToStand', label: '有被选举权（本村登记选民，未被剥夺政治权利）', severity: 'block', source: '《村民委员会组织法》第十三条' },
      /** @see 村民委员会选举规程 (资格审查): a candidate who does not meet the conditions set by law is not listed; RULES.md §3 qualification review */
      { key: 'lawAbiding', label: '遵守宪法、法律、法规和国家政策，无违法犯罪记录', severity: 'block', source: '民政部《村民委员会选举规程》（民发〔2013〕76号）' },
      /** @see 村民委员会选举规程 (资格审查): the committee reviews and may ask for clarification; RULES.md §3 "flag for review" */
      { key: 'integrity', label: '无涉黑涉恶、拉票贿选等情形（存疑的提请审查）', severity: 'flag', source: '民政部《村民委员会选举规程》（民发〔2013〕76号）' },
      /** @see RULES.md §3 qualification review, "flag for review": working and living in the village so the office can be held */
      { key: 'ableToServe', label: '能够正常履行职务（长期在外等情形提请审查）', severity: 'flag', source: '民政部《村民委员会选举规程》（民发〔2013〕76号）' },
    ],
  },
  proxy: {
    /** @see 村民委员会组织法 (2018) Art. 15: 可以书面委托本村有选举权的近亲属代为投票; RULES.md §4 */
    allowed: true,
    /** @see 村民委员会选举规程 (委托投票); RULES.md §4 "at most 3 principals" */
    maxPrincipalsPerProxy: 3,
    /** @see RULES.md §4 "filed and approved before E; default E−3; none on election day" */
    deadlineDaysBefore: 3,
    /** @see RULES.md §4 "candidate as proxy: not allowed" */
    candidateMayBeProxy: 'never',
    /** @see 民法典 Art. 1045 lists no in-laws among 近亲属; RULES.md §4 */
    includeInLaws: false,
  },
  committee: {
    /** @see 村民委员会组织法 (2018) Art. 6: 由主任、副主任和委员共三至七人组成; RULES.md §5 */
    minMembers: 3,
    /** @see 村民委员会组织法 (2018) Art. 6; RULES.md §5 */
    maxMembers: 7,
  },
  electionCommittee: {
    /** @see 村民委员会组织法 (2018) Art. 12; RULES.md §2 "≥ 3 members, odd number preferred" */
    minMembers: 3,
    /** @see RULES.md §2 "≥ 3 members, odd number preferred"; 村民委员会选举规程 (推选村民选举委员会) — an even roster is a warning, not a refusal */
    oddPreferred: true,
    /** @see RULES.md §2; 村民委员会选举规程 (村民选举委员会的组成): one 主任 presides over the committee's work — verify against the 规程 text */
    chairs: 1,
  },
  voting: {
    /** @see RULES.md §5 "Mobile ballot boxes (流动票箱) … ≥ 3 monitors each"; 村民委员会选举规程 (流动票箱) */
    mobileBoxMinMonitors: 3,
    /**
     * @see RULES.md §5 "guide: ≤ 1 box per ≤ 500 voters, ≤ 2 per 500–1,000"; 村民委员会选举规程
     * (流动票箱) — a guide: more boxes are accepted with a warning
     */
    mobileBoxGuide: [
      { upToVoters: 500, maxBoxes: 1 },
      { upToVoters: 1000, maxBoxes: 2 },
    ],
  },
  notices: {
    /**
     * @see RULES.md §6 (committee members; election day, time and places; objection results; proxy
     * list "before E" §4; polling stations): none has its own number, and a notice that prepares the
     * vote is useless from E on, so the last day is E−1
     */
    prepareVoteDaysBefore: 1,
    /** @see RULES.md §6 "results (same or next day)"; 村民委员会组织法 (2018) Art. 15 选举结果当场公布 */
    resultsDaysAfter: 1,
  },
  /** @see 村民委员会组织法 (2018) Art. 15: 登记参加选举的村民 vote directly */
  electorate: 'allVoters',
} as const satisfies Omit<RuleSet, 'id' | 'name' | 'effectiveFrom' | 'effectiveUntil' | 'sources'>;

const communityBase = {
  ...villageBase,
  kind: 'community',
  voter: {
    ...villageBase.voter,
    /** @see RULES.md §8 "Non-户籍 residents: commonly ≥ 1 year of residence" */
    residenceYearsForCategoryC: 1,
  },
  committee: {
    /** @see 城市居民委员会组织法 (2018) Art. 7: 由主任、副主任和委员共五至九人组成; RULES.md §8 */
    minMembers: 5,
    /** @see 城市居民委员会组织法 (2018) Art. 7; RULES.md §8 */
    maxMembers: 9,
  },
  /**
   * @see 城市居民委员会组织法 (2018) Art. 8: 全体有选举权的居民 (or household / group
   * representatives — a provincial choice, see the provincial presets); RULES.md §8
   */
  electorate: 'allVoters',
} as const satisfies Omit<RuleSet, 'id' | 'name' | 'effectiveFrom' | 'effectiveUntil' | 'sources'>;

export const nationalPreset: Preset = {
  id: 'national',
  name: '全国通用（法律和民政部规程默认）',
  province: null,
  ruleSets: [
    {
      ...villageBase,
      id: 'national/village@2018-12-29',
      name: '全国通用·村民委员会（2018年组织法）',
      /** @see 村民委员会组织法 2018-12-29 amendment, in force on promulgation */
      effectiveFrom: '2018-12-29',
      /** @see RULES.md header: the 2025 revision is in force from 2026-01-01 */
      effectiveUntil: '2025-12-31',
      sources: [`${VILLAGE_LAW}（2018年修正）`, PROCEDURE, CIVIL_CODE],
    },
    {
      ...villageBase,
      id: 'national/village@2026-01-01',
      name: '全国通用·村民委员会（2026年施行）',
      /** @see RULES.md header: 村民委员会组织法 amended 2025-10-28, in force 2026-01-01 */
      effectiveFrom: '2026-01-01',
      effectiveUntil: null,
      sources: [`${VILLAGE_LAW}（2025年修订）`, PROCEDURE, CIVIL_CODE],
    },
    {
      ...communityBase,
      id: 'national/community@2018-12-29',
      name: '全国通用·居民委员会（2018年组织法）',
      /** @see 城市居民委员会组织法 2018-12-29 amendment */
      effectiveFrom: '2018-12-29',
      /** @see RULES.md §8: the 2025 revision adds an election chapter, in force 2026-01-01 */
      effectiveUntil: '2025-12-31',
      sources: [`${COMMUNITY_LAW}（2018年修正）`, `${VILLAGE_LAW}（参照）`, CIVIL_CODE],
    },
    {
      ...communityBase,
      id: 'national/community@2026-01-01',
      name: '全国通用·居民委员会（2026年施行）',
      /** @see RULES.md §8: 城市居民委员会组织法 2025 revision, in force 2026-01-01 */
      effectiveFrom: '2026-01-01',
      effectiveUntil: null,
      sources: [`${COMMUNITY_LAW}（2025年修订）`, CIVIL_CODE],
    },
  ],
};
