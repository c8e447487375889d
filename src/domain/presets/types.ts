/**
 * The legal parameters of one election, as a typed, read-only rule set (RULES.md: "every number
 * here is a configurable parameter of a rule set keyed by (province preset, election kind,
 * effective date)"). Logic reads numbers from here only; each preset value carries a @see
 * naming its source.
 *
 * Day counts follow RULES.md's header: "N days before E" means on or before E−N; "within N
 * days" of a start day excludes the start day (民法典 Art. 201) and includes the Nth day (Art. 1259).
 */
import type { CivilDate } from '../civil-date';

/** 村民委员会 (village) or 居民委员会 (residents' community). */
export type ElectionKind = 'village' | 'community';

export type Post = 'director' | 'deputy' | 'member';

/** Who votes in a residents' committee election (RULES.md §8); villages always use allVoters. */
export type Electorate = 'allVoters' | 'householdRepresentatives' | 'groupRepresentatives';

/** 申诉 against the voter list: counted from publication (statute) or fixed relative to E (some presets). */
export type ObjectionRule =
  | {
      readonly mode: 'afterPublication';
      /** Filed within N days of publication: last day = publication day + N. */
      readonly fileWithinDays: number;
      /** Decided within N days of receipt: last day = receipt day + N. */
      readonly decideWithinDays: number;
    }
  | {
      readonly mode: 'beforeElection';
      /** Filed on or before E − N. */
      readonly fileByDaysBefore: number;
      /** Decided on or before E − N. */
      readonly decideByDaysBefore: number;
    };

export type MarginRange = { readonly min: number; readonly max: number };

/**
 * One item of the 资格审查 (qualification review) list: the committee records pass / flag / block
 * per item with a note. `block` items disqualify a candidate when failed; `flag` items only mark
 * the candidate for the committee's attention (RULES.md §3 "hard block vs. flag for review").
 */
export type QualificationCheck = {
  readonly key: string;
  /** Chinese label shown to the committee. */
  readonly label: string;
  readonly severity: 'block' | 'flag';
  /** The rule it comes from, recorded with every review. */
  readonly source: string;
};

export type RuleSet = {
  /** Stable id of this rule set, e.g. 'national/village@2026-01-01'. */
  readonly id: string;
  /** The preset (deployment choice) this set belongs to, e.g. 'national', 'guangdong'. */
  readonly presetId: string;
  /** Chinese name shown to the committee. */
  readonly name: string;
  /** Province name in Chinese, or null for the national defaults. */
  readonly province: string | null;
  readonly kind: ElectionKind;
  /** First election day this set governs. */
  readonly effectiveFrom: CivilDate;
  /** Last election day this set governs (inclusive), or null while in force. */
  readonly effectiveUntil: CivilDate | null;
  readonly sources: readonly string[];

  /** 选民 */
  readonly voter: {
    /** Age in completed years on E. */
    readonly minAge: number;
    /** Residence before a non-户籍 resident (category C) may apply. */
    readonly residenceYearsForCategoryC: number;
    /** Whether the committee may mark a voter as confirmed unable to exercise the right. */
    readonly unableToExerciseFlagAllowed: boolean;
  };
  /** 选民名单公布 */
  readonly voterList: {
    /** The list is published on or before E − N. */
    readonly publishDaysBefore: number;
    /** Warn the committee when it publishes with a gap to E smaller than this. */
    readonly warnWhenGapBelowDays: number;
  };
  readonly objection: ObjectionRule;
  /** 选民登记 */
  readonly registration: {
    /** Default first registration day, E − N, when the committee sets none. */
    readonly opensDaysBefore: number;
  };
  /** 提名 (直接提名) */
  readonly nomination: {
    readonly defaultOpensDaysBefore: number;
    readonly defaultClosesDaysBefore: number;
    /** Co-signers a nomination needs: 1 = individual nomination, more = 联名. */
    readonly jointMinimum: number;
    /** What a second ballot from the same voter inside the window does. */
    readonly resubmission: 'replace' | 'reject';
  };
  /** 正式候选人 */
  readonly candidates: {
    /** The formal list is published on or before E − N. */
    readonly publishDaysBefore: number;
    /** 姓氏笔画 (stroke) or by nomination votes. */
    readonly order: 'stroke' | 'votes';
    /** 差额: candidates = seats + margin, margin within [min, max]. */
    readonly margins: Readonly<Record<Post, MarginRange>>;
    /** 资格审查: what the committee checks for each formal candidate. */
    readonly qualification: readonly QualificationCheck[];
  };
  /** 委托投票 */
  readonly proxy: {
    readonly allowed: boolean;
    readonly maxPrincipalsPerProxy: number;
    /** Filed and approved on or before E − N. */
    readonly deadlineDaysBefore: number;
    readonly candidateMayBeProxy: 'never' | 'nearRelativeOnly';
    /** Whether in-laws count as near relatives for proxies (民法典 Art. 1045 does not include them). */
    readonly includeInLaws: boolean;
  };
  /** The elected committee (村民委员会 / 居民委员会). */
  readonly committee: {
    readonly minMembers: number;
    readonly maxMembers: number;
  };
  /** 村民选举委员会 / 居民选举委员会 */
  readonly electionCommittee: {
    readonly minMembers: number;
    /** An odd number of members is preferred: an even roster is accepted with a warning. */
    readonly oddPreferred: boolean;
    /** How many 主任 the roster has (the member who presides). */
    readonly chairs: number;
  };
  /** Election-day arrangements (投票站, 流动票箱). */
  readonly voting: {
    /** Monitors (监票人员) who go with each mobile ballot box, at least. */
    readonly mobileBoxMinMonitors: number;
    /**
     * Guide for the number of mobile boxes: while registered voters are at most `upToVoters`,
     * at most `maxBoxes` boxes (bands ascending). More boxes is a warning, never a refusal.
     */
    readonly mobileBoxGuide: readonly { readonly upToVoters: number; readonly maxBoxes: number }[];
  };
  /** 公告 deadlines that are not tied to one calendar step (RULES.md §6). */
  readonly notices: {
    /**
     * A notice that prepares the vote (committee members, election day and places, objection
     * results, proxy list, polling stations) is published on or before E − N.
     */
    readonly prepareVoteDaysBefore: number;
    /** 选举结果: published on E or at the latest N days after. */
    readonly resultsDaysAfter: number;
  };
  readonly electorate: Electorate;
};

/** One preset: the rule sets of both kinds over time. */
export type Preset = {
  readonly id: string;
  readonly name: string;
  readonly province: string | null;
  readonly ruleSets: readonly RuleSet[];
};
