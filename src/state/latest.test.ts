import { describe, expect, it } from 'vitest';
import { latestWins } from './latest';

/** A run whose answers are released by hand, recording what ran and what it saw. */
function harness() {
  const ran: number[] = [];
  const sawNewer: boolean[] = [];
  const errors: [string, number][] = [];
  const gates: (() => void)[] = [];
  const latest = latestWins<number>(
    async (n, superseded) => {
      ran.push(n);
      await new Promise<void>((resolve) => gates.push(resolve));
      sawNewer.push(superseded());
      if (n < 0) throw new Error(`bad ${n}`);
    },
    (e, n) => errors.push([(e as Error).message, n]),
  );
  const release = async () => {
    gates.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { latest, ran, sawNewer, errors, release };
}

describe('latestWins', () => {
  it('runs the first request at once and, of those made meanwhile, only the newest', async () => {
    const h = harness();
    const done = h.latest.request(1);
    void h.latest.request(2);
    void h.latest.request(3);
    void h.latest.request(4);
    expect(h.ran).toEqual([1]);
    await h.release();
    expect(h.ran).toEqual([1, 4]);
    await h.release();
    await done;
    expect(h.ran).toEqual([1, 4]);
    expect(h.sawNewer).toEqual([true, false]);
  });

  it('tells the run in flight that a newer request waits', async () => {
    const h = harness();
    void h.latest.request(1);
    await h.release();
    expect(h.sawNewer).toEqual([false]);
    void h.latest.request(2);
    void h.latest.request(3);
    await h.release();
    expect(h.sawNewer).toEqual([false, true]);
    await h.release();
    expect(h.ran).toEqual([1, 2, 3]);
  });

  it('drop() forgets the waiting request; the one in flight finishes', async () => {
    const h = harness();
    const done = h.latest.request(1);
    void h.latest.request(2);
    h.latest.drop();
    await h.release();
    await done;
    expect(h.ran).toEqual([1]);
    expect(h.sawNewer).toEqual([false]);
  });

  it('a failing request reports its error and the next one still runs', async () => {
    const h = harness();
    const done = h.latest.request(-1);
    void h.latest.request(5);
    await h.release();
    await h.release();
    await done;
    expect(h.errors).toEqual([['bad -1', -1]]);
    expect(h.ran).toEqual([-1, 5]);
  });

  it('starts again after going idle', async () => {
    const h = harness();
    const first = h.latest.request(1);
    await h.release();
    await first;
    const second = h.latest.request(2);
    expect(h.ran).toEqual([1, 2]);
    await h.release();
    await second;
  });
});
