/**
 * Group processing ("group commit"): callers submit items one at a time and get their own result;
 * items that arrive while the groups in flight are busy wait and go together in the next group.
 * At low load a group is a single item and waits for nothing; under load the groups grow by
 * themselves, so a fixed cost per group (a round trip, a statement's parse and plan, a commit's
 * flush) is shared by every item in it. No timer is involved.
 */

/** One item's outcome: its value, or the error that concerns it alone. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface GrouperOptions<I, O> {
  /** Processes a group; returns one outcome per item, in order. A throw fails the whole group. */
  run: (items: readonly I[]) => Promise<ReadonlyArray<Settled<O>>>;
  /** Largest group. */
  maxGroup: number;
  /** Groups processed at the same time (each on its own connection). */
  maxInFlight: number;
}

export interface Grouper<I, O> {
  submit(item: I): Promise<O>;
  /** Items waiting for a group (for tests and metrics). */
  readonly waiting: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export function createGrouper<I, O>(options: GrouperOptions<I, O>): Grouper<I, O> {
  if (options.maxGroup < 1 || options.maxInFlight < 1) throw new Error('maxGroup and maxInFlight must be at least 1');
  const queue: Array<Pending<I, O>> = [];
  let inFlight = 0;

  const flight = async (group: Array<Pending<I, O>>) => {
    try {
      const outcomes = await options.run(group.map((p) => p.item));
      if (outcomes.length !== group.length) throw new Error(`group of ${group.length} items returned ${outcomes.length} outcomes`);
      group.forEach((pending, index) => {
        const outcome = outcomes[index]!;
        if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    } catch (error) {
      for (const pending of group) pending.reject(error);
    } finally {
      inFlight -= 1;
      pump();
    }
  };

  const pump = () => {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      inFlight += 1;
      void flight(queue.splice(0, options.maxGroup));
    }
  };

  return {
    submit(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
    get waiting() {
      return queue.length;
    },
  };
}

/** One grouper per key object (e.g. per database handle), made on first use. */
export function groupersBy<K extends object, I, O>(make: (key: K) => Grouper<I, O>): (key: K) => Grouper<I, O> {
  const byKey = new WeakMap<K, Grouper<I, O>>();
  return (key) => {
    let grouper = byKey.get(key);
    if (!grouper) {
      grouper = make(key);
      byKey.set(key, grouper);
    }
    return grouper;
  };
}
