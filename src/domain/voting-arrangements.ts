/**
 * 投票安排 — election-day voting arrangements (RULES.md §5, §6): voting hours, the central
 * polling place (中心会场, where the public count is held), polling stations (投票站) with the
 * village groups each serves, and mobile ballot boxes (流动票箱) with their monitors.
 *
 * Hours are wall-clock times in Asia/Shanghai ("08:00"), like every date of the domain.
 * Mobile boxes are only for voters who cannot reach a station; each goes out with at least the
 * preset's number of monitors. The guide on how many boxes (≤ 1 per ≤ 500 voters, ≤ 2 per
 * 500–1,000) is a warning, never a refusal.
 */
import type { RuleSet } from './presets/types';
import { err, ok, type Result } from './result';

/** "HH:MM", 24-hour, Asia/Shanghai. */
export type ClockTime = string;

export type PollingStation = { readonly name: string; readonly place: string; readonly groups: readonly string[] };

export type BoxMonitor = { readonly name: string; readonly group: string };

/** A mobile box sets out from a station (by name) or from the central place. */
export type MobileBallotBox = { readonly station: string; readonly monitors: readonly BoxMonitor[] };

export type VotingArrangements = {
  readonly opensAt: ClockTime;
  readonly closesAt: ClockTime;
  /** Where the 中心会场 is (its address or landmark). */
  readonly centralPlace: string;
  readonly stations: readonly PollingStation[];
  readonly mobileBoxes: readonly MobileBallotBox[];
};

/** The name the central polling place goes by on notices and as a mobile box's starting point. */
export const CENTRAL_PLACE_NAME = '中心会场';

export type VotingReason = 'BAD_HOURS' | 'STATION_DUPLICATE' | 'UNKNOWN_GROUP' | 'GROUP_TWICE' | 'UNKNOWN_STATION' | 'TOO_FEW_MONITORS' | 'MONITOR_TWICE';

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of "HH:MM", or null when it is not a time of day. */
export function minutesOf(t: ClockTime): number | null {
  const m = CLOCK.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The guide's maximum number of mobile boxes for `voters` registered voters; null above its last band. */
export function mobileBoxGuideMax(voters: number, rules: RuleSet): number | null {
  return rules.voting.mobileBoxGuide.find((b) => voters <= b.upToVoters)?.maxBoxes ?? null;
}

/** The groups that vote at the central place: those no station serves. */
export function centralPlaceGroups(v: VotingArrangements, groups: readonly string[]): string[] {
  const served = new Set(v.stations.flatMap((s) => s.groups));
  return groups.filter((g) => !served.has(g));
}

/**
 * Checks the arrangements against the village and the rule set. `registeredVoters` feeds the
 * mobile-box guide; while nobody is registered yet the guide is not applied.
 */
export function checkVotingArrangements(
  v: VotingArrangements,
  village: { readonly groups: readonly string[]; readonly registeredVoters: number },
  rules: RuleSet,
): Result<{ readonly warnings: readonly string[] }, 'INVALID_INPUT', VotingReason> {
  const bad = (reason: VotingReason, message: string) => err('INVALID_INPUT', reason, message);
  const opens = minutesOf(v.opensAt);
  const closes = minutesOf(v.closesAt);
  if (opens === null || closes === null) return bad('BAD_HOURS', '投票时间应为 08:00 这样的时刻');
  if (opens >= closes) return bad('BAD_HOURS', '投票结束时间应当晚于开始时间');

  const names = new Set<string>([CENTRAL_PLACE_NAME]);
  const servedBy = new Map<string, string>();
  for (const s of v.stations) {
    if (names.has(s.name)) return bad('STATION_DUPLICATE', `投票站名称“${s.name}”重复了，每个投票站要用不同的名称`);
    names.add(s.name);
    for (const g of s.groups) {
      if (!village.groups.includes(g)) return bad('UNKNOWN_GROUP', `${s.name}服务的“${g}”不是本村的村民小组`);
      const other = servedBy.get(g);
      if (other !== undefined) return bad('GROUP_TWICE', `${g}同时安排在${other}和${s.name}，每个小组只能去一个投票站`);
      servedBy.set(g, s.name);
    }
  }

  const { mobileBoxMinMonitors } = rules.voting;
  const onABox = new Map<string, number>();
  for (const [i, box] of v.mobileBoxes.entries()) {
    const label = `第${i + 1}号流动票箱`;
    if (!names.has(box.station)) return bad('UNKNOWN_STATION', `${label}的出发地点“${box.station}”不是中心会场或已设的投票站`);
    if (box.monitors.length < mobileBoxMinMonitors) {
      return bad('TOO_FEW_MONITORS', `${label}至少要有${mobileBoxMinMonitors}名监票人员，现在只有${box.monitors.length}名`);
    }
    for (const m of box.monitors) {
      if (!village.groups.includes(m.group)) return bad('UNKNOWN_GROUP', `监票人员${m.name}所在的“${m.group}”不是本村的村民小组`);
      const key = `${m.name}\u0000${m.group}`;
      const other = onABox.get(key);
      if (other !== undefined) {
        return bad('MONITOR_TWICE', other === i ? `${label}的监票人员${m.name}填了两次` : `${m.name}（${m.group}）不能同时跟第${other + 1}号和${label}`);
      }
      onABox.set(key, i);
    }
  }

  const warnings: string[] = [];
  const max = village.registeredVoters > 0 ? mobileBoxGuideMax(village.registeredVoters, rules) : null;
  if (max !== null && v.mobileBoxes.length > max) {
    warnings.push(`本村登记选民${village.registeredVoters}人，按指导标准流动票箱一般不超过${max}个，现在设了${v.mobileBoxes.length}个；流动票箱只用于行动不便、不能到投票站的选民`);
  }
  return ok({ warnings });
}
