import { sameTally, tallyBallots } from '../../src/domain/nomination-tally';

describe('tallyBallots', () => {
  it('counts votes per post and nominee, invalid ballots counted apart and adding nothing', () => {
    const t = tallyBallots([
      { names: { director: ['a'], member: ['b', 'c'] }, valid: true },
      { names: { director: ['a'], member: ['c'] }, valid: true },
      { names: { director: ['z'] }, valid: false },
    ]);
    expect({ ballots: t.ballots, valid: t.valid, invalid: t.invalid }).toEqual({ ballots: 3, valid: 2, invalid: 1 });
    expect(t.votes.get('director')).toEqual(new Map([['a', 2]]));
    expect(t.votes.get('member')).toEqual(new Map([['b', 1], ['c', 2]]));
  });
  it('is independent of ballot order, so a recount in another order is equal', () => {
    const ballots = Array.from({ length: 50 }, (_, i) => ({ names: { member: [`n${i % 7}`, `n${(i + 3) % 7}`] }, valid: i % 11 !== 0 }));
    expect(sameTally(tallyBallots(ballots), tallyBallots([...ballots].reverse()))).toBe(true);
  });
  it('tells a tally that differs by one vote from the recount', () => {
    const a = tallyBallots([{ names: { member: ['x'] }, valid: true }, { names: { member: ['y'] }, valid: true }]);
    const b = tallyBallots([{ names: { member: ['x'] }, valid: true }, { names: { member: ['x'] }, valid: true }]);
    expect(sameTally(a, b)).toBe(false);
  });
});
