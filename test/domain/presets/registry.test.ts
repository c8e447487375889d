import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PRESET_IDS, allRuleSets, listPresets, resolveRuleSet } from '../../../src/domain/presets/registry';
import { ruleSetProblems } from '../../../src/domain/presets/rule-set.check';
import type { RuleSet } from '../../../src/domain/presets/types';

const must = (presetId: string, kind: 'village' | 'community', day: string): RuleSet => {
  const r = resolveRuleSet(presetId, kind, day);
  if (!r.ok) throw new Error(`no rule set ${presetId}/${kind}/${day}`);
  return r.value;
};

describe('resolveRuleSet (by preset, kind and effective date)', () => {
  it('rejects when the election day is the day before the 2026 revision takes effect: the 2018 set applies', () => {
    expect(must('national', 'village', '2025-12-31').id).toBe('national/village@2018-12-29');
  });
  it('accepts when the election day is the revision’s effectiveFrom: the 2026 set applies', () => {
    expect(must('national', 'village', '2026-01-01').id).toBe('national/village@2026-01-01');
    expect(must('national', 'community', '2026-01-01').id).toBe('national/community@2026-01-01');
  });
  it('rejects when the preset id is unknown (fail closed)', () => {
    expect(resolveRuleSet('atlantis', 'village', '2026-05-10')).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'NO_RULE_SET' });
    expect(resolveRuleSet('', 'village', '2026-05-10')).toMatchObject({ ok: false, reason: 'NO_RULE_SET' });
  });
  it('rejects when no set is in force on the day', () => {
    expect(resolveRuleSet('national', 'village', '2018-12-28')).toMatchObject({ ok: false, reason: 'NO_RULE_SET' });
    expect(resolveRuleSet('guangdong', 'village', '2025-12-31')).toMatchObject({ ok: false, reason: 'NO_RULE_SET' });
  });
  it('rejects when the election day is not a real date', () => {
    expect(resolveRuleSet('national', 'village', '2026-02-30')).toMatchObject({ ok: false, reason: 'NO_RULE_SET' });
  });
  it('picks the kind asked for', () => {
    expect(must('guangdong', 'community', '2026-05-10').kind).toBe('community');
    expect(must('guangdong', 'village', '2026-05-10').kind).toBe('village');
  });
});

describe('listPresets', () => {
  it('lists every preset id for both kinds', () => {
    const listed = listPresets().map((p) => `${p.id}/${p.kind}`);
    for (const id of PRESET_IDS) expect(listed).toEqual(expect.arrayContaining([`${id}/village`, `${id}/community`]));
    expect(PRESET_IDS).toEqual(['national', 'guangdong', 'zhejiang']);
  });
  it('shows the effective dates of each rule set', () => {
    const national = listPresets().find((p) => p.id === 'national' && p.kind === 'village');
    expect(national?.ruleSets.map((r) => [r.effectiveFrom, r.effectiveUntil])).toEqual([
      ['2018-12-29', '2025-12-31'],
      ['2026-01-01', null],
    ]);
  });
});

describe('every shipped rule set', () => {
  it.each(allRuleSets().map((r) => [r.id, r]))('accepts when %s fits the statutory calendar', (_id, r) => {
    expect(ruleSetProblems(r as RuleSet)).toEqual([]);
  });
  it('rejects when two sets of one preset and kind overlap in time', () => {
    const sets = allRuleSets();
    for (const a of sets) {
      for (const b of sets) {
        if (a === b || a.presetId !== b.presetId || a.kind !== b.kind) continue;
        const aEnd = a.effectiveUntil ?? '9999-12-31';
        const bEnd = b.effectiveUntil ?? '9999-12-31';
        expect(aEnd < b.effectiveFrom || bEnd < a.effectiveFrom).toBe(true);
      }
    }
  });
  it('has community sets of 5–9 members and no proxies in representative modes', () => {
    for (const r of allRuleSets().filter((x) => x.kind === 'community')) {
      expect(r.committee).toEqual({ minMembers: 5, maxMembers: 9 });
      if (r.electorate !== 'allVoters') expect(r.proxy.allowed).toBe(false);
    }
    expect(allRuleSets().some((r) => r.electorate === 'householdRepresentatives')).toBe(true);
    expect(allRuleSets().some((r) => r.electorate === 'groupRepresentatives')).toBe(true);
  });
  it('has village sets of 3–7 members', () => {
    for (const r of allRuleSets().filter((x) => x.kind === 'village')) expect(r.committee).toEqual({ minMembers: 3, maxMembers: 7 });
  });
});

describe('checker (rule-set.check)', () => {
  const base = must('national', 'village', '2026-05-10');
  it('rejects when registration opens after the voter list is due', () => {
    expect(ruleSetProblems({ ...base, registration: { opensDaysBefore: 15 } })).toContain('registration must open before the voter list is published');
  });
  it('rejects when nomination opens before objections are decided', () => {
    expect(ruleSetProblems({ ...base, nomination: { ...base.nomination, defaultOpensDaysBefore: 14 } })).toContain('nomination must open after objections are decided');
  });
  it('rejects when candidates are due before nomination closes', () => {
    expect(ruleSetProblems({ ...base, candidates: { ...base.candidates, publishDaysBefore: 9 } })).toContain('candidates must be published after nomination closes');
  });
  it('rejects when proxies are allowed up to election day', () => {
    expect(ruleSetProblems({ ...base, proxy: { ...base.proxy, deadlineDaysBefore: 0 } })).toContain('proxy deadline must fall before E');
  });
  it('rejects when a mobile ballot box may go out with fewer than 3 monitors (RULES.md §5)', () => {
    expect(ruleSetProblems({ ...base, voting: { ...base.voting, mobileBoxMinMonitors: 2 } })).toContain('a mobile ballot box needs at least 3 monitors (RULES.md §5)');
  });
  it('rejects when the mobile-box guide bands do not ascend', () => {
    const guide = [{ upToVoters: 1000, maxBoxes: 2 }, { upToVoters: 500, maxBoxes: 1 }];
    expect(ruleSetProblems({ ...base, voting: { ...base.voting, mobileBoxGuide: guide } })).toContain('voting.mobileBoxGuide bands must ascend');
  });
  it('rejects when notices that prepare the vote could be published on election day', () => {
    expect(ruleSetProblems({ ...base, notices: { ...base.notices, prepareVoteDaysBefore: 0 } })).toContain('notices that prepare the vote must be published before E');
  });
  it('rejects when the results deadline is before election day', () => {
    expect(ruleSetProblems({ ...base, notices: { ...base.notices, resultsDaysAfter: -1 } })).toContain('notices.resultsDaysAfter must be a non-negative integer');
  });
  it('rejects when the election committee has no 主任', () => {
    expect(ruleSetProblems({ ...base, electionCommittee: { ...base.electionCommittee, chairs: 0 } })).toContain('election committee chairs must be at least 1 and fewer than its members');
  });
  it('rejects when a representative electorate allows proxies', () => {
    const c = must('national', 'community', '2026-05-10');
    expect(ruleSetProblems({ ...c, electorate: 'householdRepresentatives' })).toContain('representative electorates have no proxies (RULES.md §8)');
  });
});

describe('provincial presets differ from the national defaults on real parameters', () => {
  const n = must('national', 'village', '2026-05-10');
  const gd = must('guangdong', 'village', '2026-05-10');
  const zj = must('zhejiang', 'village', '2026-05-10');
  it('per-proxy limit 3 / 1 / 2', () => {
    expect([n, gd, zj].map((r) => r.proxy.maxPrincipalsPerProxy)).toEqual([3, 1, 2]);
  });
  it('candidate list 5 / 7 / 3 days before E', () => {
    expect([n, gd, zj].map((r) => r.candidates.publishDaysBefore)).toEqual([5, 7, 3]);
  });
  it('joint nomination minimum 1 / 10 / 1', () => {
    expect([n, gd, zj].map((r) => r.nomination.jointMinimum)).toEqual([1, 10, 1]);
  });
  it('objections counted from publication, except Zhejiang: file by E−10, decide by E−7', () => {
    expect(n.objection).toEqual({ mode: 'afterPublication', fileWithinDays: 5, decideWithinDays: 3 });
    expect(zj.objection).toEqual({ mode: 'beforeElection', fileByDaysBefore: 10, decideByDaysBefore: 7 });
  });
  it('candidate order by strokes, except Zhejiang by votes', () => {
    expect([n, gd, zj].map((r) => r.candidates.order)).toEqual(['stroke', 'stroke', 'votes']);
  });
});

describe('election committee, voting and notice parameters (RULES.md §2, §5, §6)', () => {
  it.each(allRuleSets().map((r) => [r.id, r]))('%s: ≥ 3 members, one 主任, odd preferred, ≥ 3 monitors per box, guide 1 per 500 and 2 per 1,000, E−1 and next day', (_id, r) => {
    const rs = r as RuleSet;
    expect(rs.electionCommittee).toEqual({ minMembers: 3, oddPreferred: true, chairs: 1 });
    expect(rs.voting).toEqual({ mobileBoxMinMonitors: 3, mobileBoxGuide: [{ upToVoters: 500, maxBoxes: 1 }, { upToVoters: 1000, maxBoxes: 2 }] });
    expect(rs.notices).toEqual({ prepareVoteDaysBefore: 1, resultsDaysAfter: 1 });
  });
});

describe('preset sources (@see on every value)', () => {
  const dir = join(__dirname, '../../../src/domain/presets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.preset.ts'));
  it.each(files)('accepts when every numeric, boolean or enumerated value in %s carries a @see comment', (file) => {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    const valueLine = /^\s+(\w+): (\d+|true|false|'[a-zA-Z]+'|\{ min: \d+, max: \d+ \}),?$/;
    const missing: string[] = [];
    lines.forEach((line, i) => {
      // Identity fields and the objection mode tag are not legal parameters.
      if (!valueLine.test(line) || /^\s+(mode|id|presetId|kind):/.test(line)) return;
      // The @see is on the comment right above (single- or multi-line).
      let j = i - 1;
      while (j >= 0 && /^\s+\*( |\/)|^\s+\*$/.test(lines[j] ?? '') && !(lines[j] ?? '').includes('/**')) j--;
      const comment = lines.slice(j, i).join('\n');
      if (!comment.includes('@see')) missing.push(`${file}:${i + 1} ${line.trim()}`);
    });
    expect(missing).toEqual([]);
  });
});
