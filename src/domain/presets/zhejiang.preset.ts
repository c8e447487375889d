/**
 * 浙江省 preset: the national defaults with the other provincial choices RULES.md gives as
 * examples — objections counted back from E (file by E−10, decided by E−7), formal candidates
 * published 3 days before E and listed by nomination votes, two principals per proxy, group
 * representatives electing residents' committees.
 *
 * Where an article number of the 2026 provincial text is not known for certain, the @see says
 * "per RULES.md §n example; verify against the 2026 provincial text": treat those values as the
 * deployment's choice until checked.
 */
import { nationalPreset } from './national.preset';
import type { Preset, RuleSet } from './types';

const VILLAGE_RULES = '《浙江省村民委员会选举办法》（2026年施行文本，条文待核）';
const COMMUNITY_RULES = '《浙江省实施〈中华人民共和国城市居民委员会组织法〉办法》（2026年施行文本，条文待核）';

function nationalSet(id: string): RuleSet {
  const r = nationalPreset.ruleSets.find((s) => s.id === id);
  if (!r) throw new Error(`national rule set missing: ${id}`);
  return r;
}
const national = nationalSet('national/village@2026-01-01');

const village: RuleSet = {
  ...national,
  id: 'zhejiang/village@2026-01-01',
  presetId: 'zhejiang',
  name: '浙江省·村民委员会（2026年）',
  province: '浙江省',
  /** @see RULES.md header "Provinces re-issued their rules for 2026"; verify the effective date against the 2026 provincial text */
  effectiveFrom: '2026-01-01',
  effectiveUntil: null,
  sources: [VILLAGE_RULES, '《中华人民共和国村民委员会组织法》', '《中华人民共和国民法典》'],
  objection: {
    mode: 'beforeElection',
    /** @see RULES.md §1 "some presets count both relative to E (e.g. file by E−10, decide by E−7)"; per RULES.md §1 example, verify against the 2026 provincial text */
    fileByDaysBefore: 10,
    /** @see RULES.md §1 example (decide by E−7); verify against the 2026 provincial text */
    decideByDaysBefore: 7,
  },
  registration: {
    /** @see 村民委员会选举规程 (选民登记): start left to the committee; provincial default E−35 per RULES.md §1, verify against the 2026 provincial text */
    opensDaysBefore: 35,
  },
  nomination: {
    ...national.nomination,
    /** @see RULES.md §3 window default: the day after objections are decided (E−7) */
    defaultOpensDaysBefore: 6,
    /** @see RULES.md §3: closes E−5 so that E−4 remains for review before the E−3 candidate list */
    defaultClosesDaysBefore: 5,
    /** @see RULES.md §3 "configurable: replace or reject"; per RULES.md §3 example, verify against the 2026 provincial text */
    resubmission: 'reject',
  },
  candidates: {
    /** @see RULES.md §3 "Formal list published ≥ 5 days before E (presets: 7 or 3)"; per RULES.md §3 example, verify against the 2026 provincial text */
    publishDaysBefore: 3,
    /** @see RULES.md §3 "or by votes (preset)"; per RULES.md §3 example, verify against the 2026 provincial text */
    order: 'votes',
    margins: {
      /** @see RULES.md §3 主任 +1 */
      director: { min: 1, max: 1 },
      /** @see RULES.md §3 副主任 +1 */
      deputy: { min: 1, max: 1 },
      /** @see RULES.md §3 "(preset may say +1..+2 …)"; verify against the 2026 provincial text */
      member: { min: 1, max: 2 },
    },
    qualification: [
      ...national.candidates.qualification,
      /** @see RULES.md §3 qualification review "configurable list of predicates": a provincial 负面清单 item, verify against the 2026 provincial text */
      { key: 'noArrears', label: '无拖欠集体资金、侵占集体资产等情形', severity: 'flag', source: '浙江省村民委员会选举办法（负面清单，待核对2026年文本）' },
    ],
  },
  proxy: {
    ...national.proxy,
    /** @see RULES.md §4 "per proxy: at most 3 principals (presets: 2 or 1)"; per RULES.md §4 example, verify against the 2026 provincial text */
    maxPrincipalsPerProxy: 2,
    /** @see RULES.md §4 "none on election day"; E−2 per RULES.md §4, verify against the 2026 provincial text */
    deadlineDaysBefore: 2,
    /** @see RULES.md §4 "(preset may allow for near relatives only)"; verify against the 2026 provincial text */
    candidateMayBeProxy: 'nearRelativeOnly',
    /** @see RULES.md §4 "in-laws not included unless the preset extends it"; verify against the 2026 provincial text */
    includeInLaws: true,
  },
};

const nationalCommunity = nationalSet('national/community@2026-01-01');

const community: RuleSet = {
  ...nationalCommunity,
  id: 'zhejiang/community@2026-01-01',
  presetId: 'zhejiang',
  name: '浙江省·居民委员会（2026年，居民小组代表选举）',
  province: '浙江省',
  /** @see RULES.md §8; verify the effective date against the 2026 provincial text */
  effectiveFrom: '2026-01-01',
  effectiveUntil: null,
  sources: [COMMUNITY_RULES, '《中华人民共和国城市居民委员会组织法》', '《中华人民共和国民法典》'],
  objection: village.objection,
  registration: village.registration,
  nomination: {
    ...village.nomination,
    /** @see RULES.md §8 "≥ 2 group representatives" nomination route; verify against the 2026 provincial text */
    jointMinimum: 2,
  },
  candidates: village.candidates,
  proxy: {
    ...village.proxy,
    /** @see RULES.md §8 "in the representative modes … there are no proxies" */
    allowed: false,
    /** @see RULES.md §8: no proxies, so no principals */
    maxPrincipalsPerProxy: 0,
  },
  /** @see 城市居民委员会组织法 (2018) Art. 8 (每个居民小组选举代表二至三人); RULES.md §8 — per RULES.md §8 example, verify against the 2026 provincial text */
  electorate: 'groupRepresentatives',
};

export const zhejiangPreset: Preset = {
  id: 'zhejiang',
  name: '浙江省',
  province: '浙江省',
  ruleSets: [village, community],
};
