import { clockOffsetMs, wallClockAt } from '../../src/domain/clock-offset';

describe('clockOffsetMs', () => {
  const serverNow = '2026-12-06T08:00:00.000Z';
  const server = Date.parse(serverNow);

  it('is serverNow minus the phone clock at arrival', () => {
    expect(clockOffsetMs(serverNow, server - 90_000)).toBe(90_000);
    expect(clockOffsetMs(serverNow, server + 3_000)).toBe(-3_000);
  });

  it('is 0 without a readable serverNow', () => {
    expect(clockOffsetMs(undefined, server)).toBe(0);
    expect(clockOffsetMs('not a date', server)).toBe(0);
    expect(clockOffsetMs(serverNow, NaN)).toBe(0);
  });
});

describe('wallClockAt (a prefetched reply adopted later)', () => {
  const serverNow = '2026-12-06T08:00:00.000Z';
  const server = Date.parse(serverNow);

  it('gives the same offset whether the reply is read at arrival or seconds later', () => {
    // The phone clock runs 2 min behind the server; the reply arrives at monotonic 1,500 ms.
    const wallAtArrival = server - 120_000;
    const monoAtArrival = 1_500;
    const readAtArrival = clockOffsetMs(serverNow, wallClockAt(monoAtArrival, wallAtArrival, monoAtArrival));
    // Adopted 4.2 s later, when the app's scripts have run.
    const readLater = clockOffsetMs(serverNow, wallClockAt(monoAtArrival, wallAtArrival + 4_200, monoAtArrival + 4_200));
    expect(readAtArrival).toBe(120_000);
    expect(readLater).toBe(120_000);
    // What the session did before: the phone clock when it read the reply (skewed by the wait).
    expect(clockOffsetMs(serverNow, wallAtArrival + 4_200)).toBe(115_800);
  });

  it('puts the arrival in the clock setting of the adoption (the phone clock was corrected in between)', () => {
    // Arrival at monotonic 1,000 (wall 10,000); the clock is then set 60 s forward; adopted at monotonic 3,000.
    const nowWall = 10_000 + 2_000 + 60_000;
    expect(wallClockAt(1_000, nowWall, 3_000)).toBe(70_000);
  });
});
