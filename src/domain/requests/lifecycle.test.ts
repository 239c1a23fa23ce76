import { describe, expect, it } from 'vitest';
import { ACTIONS, STATUSES, allowedActions, transition, type ActorKind, type LifecycleAction, type RequestStatus } from './lifecycle.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 10, 9);
const WINDOW = 14 * DAY;
const X = null;

/**
 * Every status × action for each actor, inside the reopen window: the target status, or X when
 * the action is not allowed (→ 409 INVALID_TRANSITION with the allowed actions).
 */
const TABLE: Record<ActorKind, Record<RequestStatus, Record<LifecycleAction, RequestStatus | null>>> = {
  staff: {
    new: { start: 'in_progress', request_clarification: 'waiting_for_requester', requester_reply: X, resolve: 'resolved', close: X, auto_close: X, reopen: X, reject: 'rejected' },
    in_progress: { start: X, request_clarification: 'waiting_for_requester', requester_reply: X, resolve: 'resolved', close: X, auto_close: X, reopen: X, reject: 'rejected' },
    waiting_for_requester: { start: 'in_progress', request_clarification: X, requester_reply: X, resolve: 'resolved', close: X, auto_close: X, reopen: X, reject: 'rejected' },
    resolved: { start: X, request_clarification: X, requester_reply: X, resolve: X, close: 'closed', auto_close: X, reopen: 'in_progress', reject: X },
    closed: { start: X, request_clarification: X, requester_reply: X, resolve: X, close: X, auto_close: X, reopen: 'in_progress', reject: X },
    rejected: { start: X, request_clarification: X, requester_reply: X, resolve: X, close: X, auto_close: X, reopen: X, reject: X },
  },
  requester: {
    new: { start: X, request_clarification: X, requester_reply: 'new', resolve: X, close: X, auto_close: X, reopen: X, reject: X },
    in_progress: { start: X, request_clarification: X, requester_reply: 'in_progress', resolve: X, close: X, auto_close: X, reopen: X, reject: X },
    waiting_for_requester: { start: X, request_clarification: X, requester_reply: 'in_progress', resolve: X, close: X, auto_close: X, reopen: X, reject: X },
    resolved: { start: X, request_clarification: X, requester_reply: 'in_progress', resolve: X, close: 'closed', auto_close: X, reopen: 'in_progress', reject: X },
    closed: { start: X, request_clarification: X, requester_reply: X, resolve: X, close: X, auto_close: X, reopen: 'in_progress', reject: X },
    rejected: { start: X, request_clarification: X, requester_reply: X, resolve: X, close: X, auto_close: X, reopen: X, reject: X },
  },
  system: {
    new: { start: X, request_clarification: X, requester_reply: X, resolve: X, close: X, auto_close: X, reopen: X, reject: X },
    in_progress: { start: X, request_clarification: X, requester_reply: X, resolve: X, close: X, auto_close: X, reopen: X, reject: X },
    waiting_for_requester: { start: X, request_clarification: X, requester_reply: X, resolve: X, close: X, auto_close: X, reopen: X, reject: X },
    resolved: { start: X, request_clarification: X, requester_reply: X, resolve: X, close: X, auto_close: 'closed', reopen: X, reject: X },
    closed: { start: X, request_clarification: X, requester_reply: X, resolve: X, close: X, auto_close: X, reopen: X, reject: X },
    rejected: { start: X, request_clarification: X, requester_reply: X, resolve: X, close: X, auto_close: X, reopen: X, reject: X },
  },
};

const cells = (['staff', 'requester', 'system'] as ActorKind[]).flatMap((actor) =>
  STATUSES.flatMap((status) => ACTIONS.map((action) => ({ actor, status, action, expected: TABLE[actor][status][action] }))),
);

describe('request lifecycle: every status × action × actor', () => {
  it('covers all 3 × 6 × 8 cells', () => expect(cells).toHaveLength(144));

  it.each(cells)('$actor: $status --$action--> $expected', ({ actor, status, action, expected }) => {
    const resolvedAt = status === 'resolved' || status === 'closed' ? NOW - DAY : null;
    const result = transition({ status, resolvedAt }, action, { actor, now: NOW, reopenWindowMs: WINDOW });
    if (expected === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toBe('not_allowed');
        expect(result.allowed).not.toContain(action);
      }
    } else {
      expect(result).toEqual({ ok: true, from: status, to: expected });
    }
  });

  it('lists exactly the allowed actions of each row', () => {
    for (const actor of ['staff', 'requester', 'system'] as ActorKind[]) {
      for (const status of STATUSES) {
        const resolvedAt = status === 'resolved' || status === 'closed' ? NOW - DAY : null;
        const expected = ACTIONS.filter((a) => TABLE[actor][status][a] !== null);
        expect({ actor, status, allowed: allowedActions({ status, resolvedAt }, { actor, now: NOW, reopenWindowMs: WINDOW }) }).toEqual({ actor, status, allowed: expected });
      }
    }
  });
});

describe('reopen window', () => {
  const late = { now: NOW, reopenWindowMs: WINDOW };
  const resolvedLongAgo = NOW - WINDOW - 1;

  it('refuses reopen and a reopening reply after the window, but still allows closing', () => {
    for (const actor of ['staff', 'requester'] as ActorKind[]) {
      const reopen = transition({ status: 'resolved', resolvedAt: resolvedLongAgo }, 'reopen', { ...late, actor });
      expect(reopen).toMatchObject({ ok: false, reason: 'reopen_window_expired' });
      expect(transition({ status: 'closed', resolvedAt: resolvedLongAgo }, 'reopen', { ...late, actor })).toMatchObject({ ok: false, reason: 'reopen_window_expired', allowed: [] });
      expect(transition({ status: 'resolved', resolvedAt: resolvedLongAgo }, 'close', { ...late, actor })).toEqual({ ok: true, from: 'resolved', to: 'closed' });
    }
    expect(transition({ status: 'resolved', resolvedAt: resolvedLongAgo }, 'requester_reply', { ...late, actor: 'requester' })).toMatchObject({
      ok: false,
      reason: 'reopen_window_expired',
      allowed: ['close'],
    });
  });

  it('allows reopening exactly at the end of the window', () => {
    expect(transition({ status: 'closed', resolvedAt: NOW - WINDOW }, 'reopen', { ...late, actor: 'staff' })).toEqual({ ok: true, from: 'closed', to: 'in_progress' });
  });

  it('treats a request never resolved as outside any window', () => {
    expect(transition({ status: 'closed', resolvedAt: null }, 'reopen', { ...late, actor: 'staff' })).toMatchObject({ ok: false, reason: 'reopen_window_expired' });
  });
});
