/**
 * The demo seed in the nomination phase leaves a tie at the 副主任 cut line, so the committee's
 * tie step (browser e2e, local demo) is real: the live tally shows it, and closing after the
 * window surfaces it as TIE_AT_CUT with publication refused until the committee records a decision.
 */
import { endOfShanghaiDay } from '../../../src/domain/civil-date';
import { demoWindow } from '../../../server/seed/demo-nominations';
import { DEMO_OPENIDS, seedDemo } from '../../../server/seed/demo-seed';
import { makeTestApp, type TestApp } from '../harness';

jest.setTimeout(180_000);

type Line = { voterId: string; votes: number };
type Tally = { ballots: number; posts: Array<{ post: string; lines: Line[] }> };
type Selection = { publishable: boolean; problems: Array<{ reason: string; post: string; slots?: number; tied?: Line[] }> };

describe('demo seed: nominations', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('in the nomination phase, the 副主任 count is tied at the cut line; closing after the window surfaces it', async () => {
    t = makeTestApp('2026-11-22T03:00:00.000Z');
    // The demo township persona administers, as the local host has it in dev mode.
    (t.app as { settings: typeof t.app.settings }).settings = { ...t.app.settings, townshipAdmins: new Set([DEMO_OPENIDS.township]) };
    const seeded = await seedDemo(t.app, { phase: 'nomination' });
    const tally = await t.ok<Tally>('committee', { action: 'tally', electionId: seeded.electionId }, DEMO_OPENIDS.committee);
    expect(tally.ballots).toBeGreaterThan(300);
    // National preset: one 副主任 seat + a margin of 1 = two formal candidates; the 2nd and 3rd are level.
    const deputy = [...tally.posts.find((p) => p.post === 'deputy')!.lines].sort((a, b) => b.votes - a.votes);
    expect(deputy[1]!.votes).toBe(deputy[2]!.votes);

    t.setNow(new Date(endOfShanghaiDay(demoWindow(seeded.electionDay).closesOn).getTime() + 3_600_000).toISOString());
    const closed = await t.ok<{ selection: Selection }>('committee', { action: 'closeNominations', electionId: seeded.electionId }, DEMO_OPENIDS.committee);
    expect(closed.selection.publishable).toBe(false);
    const tie = closed.selection.problems.find((p) => p.post === 'deputy');
    expect(tie).toMatchObject({ reason: 'TIE_AT_CUT' });
    expect(tie!.tied!.length).toBeGreaterThan(tie!.slots!);
  });
});
