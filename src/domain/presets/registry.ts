/**
 * The shipped presets and the rule set in force for an election. Resolution fails closed: an
 * unknown preset, an invalid date or a day no set covers gives NO_RULE_SET, never a fallback.
 */
import { compareCivil, isCivilDate, type CivilDate } from '../civil-date';
import { err, ok, type Result } from '../result';
import { guangdongPreset } from './guangdong.preset';
import { nationalPreset } from './national.preset';
import type { ElectionKind, Preset, RuleSet } from './types';
import { zhejiangPreset } from './zhejiang.preset';

const PRESETS: readonly Preset[] = [nationalPreset, guangdongPreset, zhejiangPreset];

export const PRESET_IDS = ['national', 'guangdong', 'zhejiang'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export const isPresetId = (s: string): s is PresetId => (PRESET_IDS as readonly string[]).includes(s);

/** One preset for one kind of election, with the dates its rule sets cover. */
export type PresetListing = {
  readonly id: PresetId;
  readonly kind: ElectionKind;
  readonly name: string;
  readonly province: string | null;
  readonly ruleSets: readonly { readonly id: string; readonly name: string; readonly effectiveFrom: CivilDate; readonly effectiveUntil: CivilDate | null }[];
};

const KINDS: readonly ElectionKind[] = ['village', 'community'];

export function listPresets(): readonly PresetListing[] {
  const out: PresetListing[] = [];
  for (const preset of PRESETS) {
    if (!isPresetId(preset.id)) continue;
    for (const kind of KINDS) {
      const sets = preset.ruleSets.filter((r) => r.kind === kind);
      if (sets.length === 0) continue;
      out.push({
        id: preset.id,
        kind,
        name: preset.name,
        province: preset.province,
        ruleSets: sets.map((r) => ({ id: r.id, name: r.name, effectiveFrom: r.effectiveFrom, effectiveUntil: r.effectiveUntil })),
      });
    }
  }
  return out;
}

/** Every shipped rule set (tests check each for consistency). */
export const allRuleSets = (): readonly RuleSet[] => PRESETS.flatMap((p) => p.ruleSets);

const inForce = (r: RuleSet, day: CivilDate) =>
  compareCivil(r.effectiveFrom, day) <= 0 && (r.effectiveUntil === null || compareCivil(day, r.effectiveUntil) <= 0);

/** The rule set of `presetId` for `kind` in force on the election day. */
export function resolveRuleSet(presetId: string, kind: ElectionKind, electionDay: CivilDate): Result<RuleSet, 'NOT_FOUND', 'NO_RULE_SET'> {
  const none = err('NOT_FOUND', 'NO_RULE_SET', '选举日没有生效的选举规则');
  if (!isCivilDate(electionDay)) return none;
  const preset = PRESETS.find((p) => p.id === presetId);
  if (!preset) return none;
  const matches = preset.ruleSets.filter((r) => r.kind === kind && inForce(r, electionDay));
  // Two sets in force on one day would be a configuration bug: refuse rather than guess.
  const only = matches.length === 1 ? matches[0] : undefined;
  return only ? ok(only) : none;
}
