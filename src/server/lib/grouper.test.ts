import { describe, expect, it } from 'vitest';
import { createGrouper, type Settled } from './grouper.ts';

/** A run that records its groups and waits for the test to let each one finish. */
function recorder() {
  const groups: number[][] = [];
  const gates: Array<() => void> = [];
  const run = async (items: readonly number[]): Promise<Array<Settled<number>>> => {
    groups.push([...items]);
    await new Promise<void>((resolve) => gates.push(resolve));
    return items.map((n) => (n < 0 ? { ok: false, error: new Error(`negative ${n}`) } : { ok: true, value: n * 10 }));
  };
  /** Lets the groups in flight finish, and waits until the next ones have started. */
  const release = async () => {
    for (const open of gates.splice(0)) open();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { groups, run, release };
}

describe('group processing', () => {
  it('sends an item at once when nothing is in flight, and groups what arrives meanwhile', async () => {
    const r = recorder();
    const grouper = createGrouper({ run: r.run, maxGroup: 10, maxInFlight: 1 });
    const first = grouper.submit(1);
    const rest = [2, 3, 4, 5].map((n) => grouper.submit(n));
    expect(r.groups).toEqual([[1]]);
    expect(grouper.waiting).toBe(4);
    await r.release();
    expect(r.groups).toEqual([[1], [2, 3, 4, 5]]);
    await r.release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40, 50]);
    expect(grouper.waiting).toBe(0);
  });

  it('keeps groups within maxGroup and runs up to maxInFlight groups at once', async () => {
    const r = recorder();
    const grouper = createGrouper({ run: r.run, maxGroup: 3, maxInFlight: 2 });
    const all = Array.from({ length: 9 }, (_, i) => grouper.submit(i + 1));
    // The first two go alone (nothing was in flight); the rest wait for a free place.
    expect(r.groups).toEqual([[1], [2]]);
    await r.release();
    expect(r.groups).toEqual([[1], [2], [3, 4, 5], [6, 7, 8]]);
    await r.release();
    expect(r.groups).toEqual([[1], [2], [3, 4, 5], [6, 7, 8], [9]]);
    await r.release();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('gives each item its own outcome: one failure does not fail the others', async () => {
    const r = recorder();
    const grouper = createGrouper({ run: r.run, maxGroup: 10, maxInFlight: 1 });
    const outcomes = [0, 1, -2, 3].map((n) =>
      grouper.submit(n).then(
        (value) => ({ value }),
        (error: Error) => ({ error: error.message }),
      ),
    );
    await r.release();
    expect(r.groups).toEqual([[0], [1, -2, 3]]);
    await r.release();
    expect(await Promise.all(outcomes)).toEqual([{ value: 0 }, { value: 10 }, { error: 'negative -2' }, { value: 30 }]);
  });

  it('rejects every item of a group whose run throws, and goes on with the next group', async () => {
    let calls = 0;
    const grouper = createGrouper<number, number>({
      maxGroup: 10,
      maxInFlight: 1,
      run: async (items) => {
        calls += 1;
        if (calls === 1) throw new Error('database gone');
        return items.map((n) => ({ ok: true, value: n }));
      },
    });
    const failed = grouper.submit(1).catch((error: Error) => error.message);
    expect(await failed).toBe('database gone');
    expect(await grouper.submit(2)).toBe(2);
  });

  it('refuses a run that returns the wrong number of outcomes', async () => {
    const grouper = createGrouper<number, number>({ maxGroup: 10, maxInFlight: 1, run: async () => [] });
    await expect(grouper.submit(1)).rejects.toThrow('group of 1 items returned 0 outcomes');
  });
});
