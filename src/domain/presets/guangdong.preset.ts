/**
 * 广东省 preset: the national defaults with the provincial choices RULES.md gives as examples —
 * one principal per proxy, formal candidates published 7 days before E, joint nomination by at
 * least 10 voters, household representatives electing residents' committees.
 *
 * Where an article number of the 2026 provincial text is not known for certain, the @see says
 * "per RULES.md §n example; verify against the 2026 provincial text": treat those values as the
 * deployment's choice until checked.
 */
import { nationalPreset } from './national.preset';
import type { Preset, RuleSet } from './types';

const VILLAGE_RULES = '《广东省村民委员会选举办法》（2026年施行文本，条文待核）';
const COMMUNITY_RULES = '《广东省实施〈中华人民共和国城市居民委员会组织法〉办法》（2026年施行文本，条文待核）';

function nationalSet(id: string): RuleSet {
  const r = nationalPreset.ruleSets.find((s) => s.id === id);
  if (!r) throw new Error(`national rule set missing: ${id}`);
  return r;
}
const national = nationalSet('national/village@2026-01-01');

const village: RuleSet = {
  ...national,
  id: 'guangdong/village@2026-01-01',
  presetId: 'guangdong',
  name: '广东省·村民委员会（2026年）',
  province: '广东省',
  /** @see RULES.md header "Provinces re-issued their rules for 2026"; verify the effective date against the 2026 provincial text */
  effectiveFrom: '2026-01-01',
  effectiveUntil: null,
  sources: [VILLAGE_RULES, '《中华人民共和国村民委员会组织法》', '《中华人民共和国民法典》'],
  voter: {
    ...national.voter,
    /** @see RULES.md §1 "optionally, confirmed unable to exercise rights (provincial)"; verify against the 2026 provincial text */
    unableToExerciseFlagAllowed: true,
  },
  registration: {
    /** @see 村民委员会选举规程 (选民登记): start left to the committee; provincial default E−40 per RULES.md §1, verify against the 2026 provincial text */
    opensDaysBefore: 40,
  },
  nomination: {
    ...national.nomination,
    /** @see RULES.md §3 window default: after the latest objection decision (E−12) */
    defaultOpensDaysBefore: 11,
    /** @see RULES.md §3: closes E−9 so that E−8 remains for review before the E−7 candidate list */
    defaultClosesDaysBefore: 9,
    /** @see RULES.md §3 "joint nomination (联名) … some presets 10"; per RULES.md §3 example, verify against the 2026 provincial text */
    jointMinimum: 10,
  },
  candidates: {
    ...national.candidates,
    /** @see RULES.md §3 "Formal list published ≥ 5 days before E (presets: 7 or 3)"; per RULES.md §3 example, verify against the 2026 provincial text */
    publishDaysBefore: 7,
  },
  proxy: {
    ...national.proxy,
    /** @see RULES.md §4 "per proxy: at most 3 principals (presets: 2 or 1)"; per RULES.md §4 example, verify against the 2026 provincial text */
    maxPrincipalsPerProxy: 1,
  },
};

const nationalCommunity = nationalSet('national/community@2026-01-01');

const community: RuleSet = {
  ...nationalCommunity,
  id: 'guangdong/community@2026-01-01',
  presetId: 'guangdong',
  name: '广东省·居民委员会（2026年，户代表选举）',
  province: '广东省',
  /** @see RULES.md §8; verify the effective date against the 2026 provincial text */
  effectiveFrom: '2026-01-01',
  effectiveUntil: null,
  sources: [COMMUNITY_RULES, '《中华人民共和国城市居民委员会组织法》', '《中华人民共和国民法典》'],
  registration: village.registration,
  nomination: {
    ...village.nomination,
    /** @see RULES.md §8 "≥ 5 household representatives" nomination route; verify against the 2026 provincial text */
    jointMinimum: 5,
  },
  candidates: village.candidates,
  proxy: {
    ...village.proxy,
    /** @see RULES.md §8 "in the representative modes … there are no proxies" */
    allowed: false,
    /** @see RULES.md §8: no proxies, so no principals */
    maxPrincipalsPerProxy: 0,
  },
  /** @see 城市居民委员会组织法 (2018) Art. 8 (每户派代表选举); RULES.md §8 — the provincial choice per RULES.md §8 example, verify against the 2026 provincial text */
  electorate: 'householdRepresentatives',
};

export const guangdongPreset: Preset = {
  id: 'guangdong',
  name: '广东省',
  province: '广东省',
  ruleSets: [village, community],
};
