import { selectFormalCandidates, type NomineeVotes, type PostCounts } from '../../src/domain/formal-candidates';
import { tallyBallots, type CountedBallot } from '../../src/domain/nomination-tally';
import { resolveRuleSet } from '../../src/domain/presets/registry';
import type { Post, RuleSet } from '../../src/domain/presets/types';
import { compareByStroke } from '../../src/domain/stroke-order';

function rules(presetId: string): RuleSet {
  const r = resolveRuleSet(presetId, 'village', '2027-01-08');
  if (!r.ok) throw new Error(`no rules for ${presetId}`);
  return r.value;
}
const national = rules('national'); // stroke order, margins 1/1/1..3, individual nomination
const zhejiang = rules('zhejiang'); // order by votes

const n = (voterId: string, votes: number, sex: 'M' | 'F' = 'M', name = `张${voterId}`): NomineeVotes => ({ voterId, name, sex, votes });
const ids = (list: readonly { voterId: string }[]) => list.map((c) => c.voterId).sort();

describe('差额: seats + the planned margin, by votes', () => {
  it('takes seats + max margin by default and orders the list by surname strokes', () => {
    const s = selectFormalCandidates({
      rules: national,
      posts: [{ post: 'director', seats: 1, nominees: [n('a', 9, 'M', '王一'), n('b', 7, 'F', '丁二'), n('c', 3, 'M', '李三')] }],
    });
    expect(s.publishable).toBe(true);
    expect(s.posts[0]!.candidates.map((c) => c.name)).toEqual(['丁二', '王一']);
    expect(compareByStroke('丁二', '王一')).toBeLessThan(0);
  });
  it('orders by votes where the preset says so', () => {
    const s = selectFormalCandidates({ rules: zhejiang, posts: [{ post: 'director', seats: 1, nominees: [n('a', 3, 'F', '丁二'), n('b', 9, 'M', '王一')] }] });
    expect(s.posts[0]!.candidates.map((c) => c.voterId)).toEqual(['b', 'a']);
  });
  it('clamps a planned margin to the preset range', () => {
    const nominees = Array.from({ length: 8 }, (_, i) => n(`m${i}`, 20 - i, i === 0 ? 'F' : 'M'));
    const posts = (margin: number): PostCounts[] => [{ post: 'member', seats: 3, margin, nominees }];
    expect(selectFormalCandidates({ rules: national, posts: posts(1) }).posts[0]!.candidates).toHaveLength(4);
    expect(selectFormalCandidates({ rules: national, posts: posts(9) }).posts[0]!.candidates).toHaveLength(6);
    expect(selectFormalCandidates({ rules: national, posts: posts(0) }).posts[0]!.candidates).toHaveLength(4);
  });
  it('counts only initial candidates that reach the joint-nomination minimum', () => {
    const joint = { ...national, nomination: { ...national.nomination, jointMinimum: 10 } };
    const s = selectFormalCandidates({ rules: joint, posts: [{ post: 'director', seats: 1, nominees: [n('a', 12), n('b', 10, 'F'), n('c', 9)] }] });
    expect(s.posts[0]!.initialCount).toBe(2);
    expect(ids(s.posts[0]!.candidates)).toEqual(['a', 'b']);
  });
  it('reports a shortfall when fewer initial candidates than seats + min margin', () => {
    const s = selectFormalCandidates({ rules: national, posts: [{ post: 'director', seats: 1, nominees: [n('a', 5, 'F')] }] });
    expect(s.publishable).toBe(false);
    expect(s.posts[0]!.status).toBe('shortfall');
    expect(s.problems[0]).toMatchObject({ reason: 'SHORTFALL', post: 'director' });
  });
  it('fills posts from the highest: a director candidate is not counted again for deputy', () => {
    const s = selectFormalCandidates({
      rules: national,
      posts: [
        { post: 'director', seats: 1, nominees: [n('a', 50, 'F'), n('b', 40)] },
        { post: 'deputy', seats: 1, nominees: [n('a', 60, 'F'), n('c', 30), n('d', 20)] },
      ],
    });
    expect(ids(s.posts[1]!.candidates)).toEqual(['c', 'd']);
  });
});

describe('ties at the cut line go to the committee', () => {
  const tiedPost: PostCounts = { post: 'director', seats: 1, nominees: [n('a', 9, 'F'), n('b', 5), n('c', 5), n('d', 1)] };
  it('refuses to publish and names the tied people and the open slots', () => {
    const s = selectFormalCandidates({ rules: national, posts: [tiedPost] });
    expect(s.publishable).toBe(false);
    expect(s.posts[0]).toMatchObject({ status: 'tie', tie: { slots: 1, votes: 5 } });
    expect([...s.posts[0]!.tie!.tied].sort()).toEqual(['b', 'c']);
    expect(ids(s.posts[0]!.candidates)).toEqual(['a']);
  });
  it('applies a recorded resolution naming exactly the open slots among the tied', () => {
    const s = selectFormalCandidates({ rules: national, posts: [tiedPost], resolutions: [{ post: 'director', chosen: ['c'], method: 'draw', record: '2026-12-30 选举委员会会议' }] });
    expect(s.publishable).toBe(true);
    expect(s.posts[0]!.candidates.find((c) => c.voterId === 'c')!.via).toBe('tieResolution');
  });
  it('ignores a resolution that names someone not tied, or too many', () => {
    expect(selectFormalCandidates({ rules: national, posts: [tiedPost], resolutions: [{ post: 'director', chosen: ['d'], method: 'draw', record: 'x' }] }).publishable).toBe(false);
    expect(selectFormalCandidates({ rules: national, posts: [tiedPost], resolutions: [{ post: 'director', chosen: ['b', 'c'], method: 'draw', record: 'x' }] }).publishable).toBe(false);
  });
  it('accepts taking all the tied when that still fits seats + max margin', () => {
    const member: PostCounts = { post: 'member', seats: 3, margin: 1, nominees: [n('a', 9, 'F'), n('b', 8), n('c', 7), n('d', 5), n('e', 5), n('f', 1)] };
    const open = selectFormalCandidates({ rules: national, posts: [member] });
    expect(open.posts[0]!.status).toBe('tie');
    const all = selectFormalCandidates({ rules: national, posts: [member], resolutions: [{ post: 'member', chosen: ['d', 'e'], method: 'preElection', record: 'x' }] });
    expect(all.publishable).toBe(true);
    expect(all.posts[0]!.candidates).toHaveLength(5);
  });
});

describe('妇女候选人', () => {
  it('adds the woman with most member votes when no woman is among the candidates', () => {
    const s = selectFormalCandidates({
      rules: national,
      posts: [
        { post: 'director', seats: 1, nominees: [n('a', 9), n('b', 8)] },
        { post: 'member', seats: 3, margin: 1, nominees: [n('c', 30), n('d', 20), n('e', 10), n('f', 9), n('w1', 4, 'F'), n('w2', 6, 'F')] },
      ],
    });
    expect(s.woman).toEqual({ status: 'added', added: 'w2' });
    expect(s.posts[1]!.candidates.find((c) => c.voterId === 'w2')!.via).toBe('womanRule');
    expect(s.posts[1]!.candidates).toHaveLength(5);
  });
  it('needs the committee when women tie for that place', () => {
    const posts: PostCounts[] = [{ post: 'director', seats: 1, nominees: [n('a', 9), n('b', 8), n('w1', 3, 'F')] }, { post: 'member', seats: 1, margin: 1, nominees: [n('c', 9), n('d', 8), n('w2', 3, 'F'), n('w3', 3, 'F')] }];
    const s = selectFormalCandidates({ rules: national, posts });
    expect(s.woman.status).toBe('tie');
    expect(s.problems.map((p) => p.reason)).toEqual(['WOMAN_TIE']);
    const r = selectFormalCandidates({ rules: national, posts, resolutions: [{ post: 'woman', chosen: ['w3'], method: 'draw', record: 'x' }] });
    expect(r.woman).toEqual({ status: 'added', added: 'w3' });
  });
  it('reports when no woman was nominated at all, without blocking', () => {
    const s = selectFormalCandidates({ rules: national, posts: [{ post: 'director', seats: 1, nominees: [n('a', 9), n('b', 8)] }] });
    expect(s.woman.status).toBe('noneNominated');
    expect(s.publishable).toBe(true);
  });
});

describe('退出: the next by votes fills the slot', () => {
  it('refills a withdrawn candidate from the next by votes', () => {
    const posts: PostCounts[] = [{ post: 'director', seats: 1, nominees: [n('a', 9, 'F'), n('b', 7), n('c', 5)] }];
    expect(ids(selectFormalCandidates({ rules: national, posts, excluded: new Set(['b']) }).posts[0]!.candidates)).toEqual(['a', 'c']);
  });
});

describe("a real community's shape (2,722 voters, 1,772 ballots, 4 invalid)", () => {
  it('gives initial 4 / 11 / 24 and formal 2 / 2 / 6 under the national preset, and the tally equals a recount', () => {
    let seed = 2026;
    // A small LCG (Numerical Recipes): deterministic, no dependency.
    const pick = (k: number) => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return Math.floor((seed / 2 ** 32) * k);
    };
    const pool = (prefix: string, size: number) => Array.from({ length: size }, (_, i) => `${prefix}${i}`);
    const people: Record<Post, string[]> = { director: pool('d', 4), deputy: pool('p', 11), member: pool('m', 24) };
    // Skewed choices (the first names more popular), so the cut lines fall between distinct counts.
    const skew = (list: string[]) => list[Math.min(pick(list.length), pick(list.length))]!;
    const ballots: CountedBallot[] = Array.from({ length: 1772 }, (_, i) => {
      const member = new Set<string>();
      while (member.size < 3) member.add(skew(people.member));
      return { valid: i >= 4, names: { director: [skew(people.director)], deputy: [skew(people.deputy)], member: [...member] } };
    });
    const tally = tallyBallots(ballots);
    expect({ ballots: tally.ballots, invalid: tally.invalid }).toEqual({ ballots: 1772, invalid: 4 });
    expect([tally.votes.get('director')!.size, tally.votes.get('deputy')!.size, tally.votes.get('member')!.size]).toEqual([4, 11, 24]);
    const nominees = (post: Post) => [...tally.votes.get(post)!].map(([id, votes]) => n(id, votes, id === 'm5' ? 'F' : 'M', `李${id}`));
    const s = selectFormalCandidates({
      rules: national,
      posts: [
        { post: 'director', seats: 1, nominees: nominees('director') },
        { post: 'deputy', seats: 1, nominees: nominees('deputy') },
        { post: 'member', seats: 3, nominees: nominees('member') },
      ],
    });
    const unresolved = s.problems.filter((p) => p.reason === 'TIE_AT_CUT');
    expect(unresolved).toEqual([]);
    expect(s.posts.map((p) => p.initialCount)).toEqual([4, 11, 24]);
    const formal = s.posts.map((p) => p.candidates.filter((c) => c.via !== 'womanRule').length);
    expect(formal).toEqual([2, 2, 6]);
    expect(s.posts.map((p) => p.candidates.length).reduce((a, b) => a + b) - formal.reduce((a, b) => a + b)).toBe(s.woman.status === 'added' ? 1 : 0);
  });
});
