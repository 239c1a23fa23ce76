/** Half-open intervals of instants, used for pauses of a request's clock. */

/** A half-open interval of instants [from, to), epoch ms — e.g. a pause while waiting for the requester. */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

/**
 * The intervals clipped to [lo, hi], merged where they overlap or touch, sorted ascending.
 * @throws RangeError for an interval whose `from` is after its `to`, or a non-numeric bound.
 */
export function mergeIntervals(intervals: readonly Interval[], lo: number, hi: number): Interval[] {
  const clipped: Interval[] = [];
  for (const p of intervals) {
    if (!(p.from <= p.to)) throw new RangeError(`Invalid pause: from ${p.from} is not before to ${p.to}`);
    const from = Math.max(p.from, lo);
    const to = Math.min(p.to, hi);
    if (from < to) clipped.push({ from, to });
  }
  clipped.sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const p of clipped) {
    const last = merged[merged.length - 1];
    if (last !== undefined && p.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, p.to) };
    else merged.push(p);
  }
  return merged;
}
