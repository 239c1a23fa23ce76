/**
 * The lifecycle of a request as a pure state machine.
 *
 *   new ──start──▶ in_progress ──request_clarification──▶ waiting_for_requester
 *    │                 ▲  │                                   │
 *    │                 │  └──────────resolve──────────┐       │ requester_reply, start
 *    │                 └──────────────────────────────┼───────┘
 *    │                                                ▼
 *    └──(resolve / reject / request_clarification)  resolved ──close / auto_close──▶ closed
 *                                                     │  ▲                            │
 *                                 reopen, requester_reply (within the reopen window) ─┘
 *   new | in_progress | waiting_for_requester ──reject(reason)──▶ rejected
 *
 * - Regulation §3–4: a request is reviewed within 7 days, its wording must be clear; the
 *   consultant asks for clarification when it is not (waiting_for_requester, clock paused).
 * - Regulation §6: a request may be rejected when the person cannot give enough information,
 *   the question is put incorrectly, or the discussion is non-constructive / replies are late.
 * - Resolved requests close automatically after the desk's period; they (and closed ones) can be
 *   reopened within the desk's reopen window, counted from the resolution.
 */

export const STATUSES = ['new', 'in_progress', 'waiting_for_requester', 'resolved', 'closed', 'rejected'] as const;
export type RequestStatus = (typeof STATUSES)[number];

export const ACTIONS = ['start', 'request_clarification', 'requester_reply', 'resolve', 'close', 'auto_close', 'reopen', 'reject'] as const;
export type LifecycleAction = (typeof ACTIONS)[number];

/** Who acts: desk staff (consultant, head, admin), the requester, or the system (jobs). */
export type ActorKind = 'staff' | 'requester' | 'system';

/** Statuses in which the request is still being worked (deadlines run, queues show it). */
export const OPEN_STATUSES: readonly RequestStatus[] = ['new', 'in_progress', 'waiting_for_requester'];
export const FINISHED_STATUSES: readonly RequestStatus[] = ['resolved', 'closed', 'rejected'];

export function isOpen(status: RequestStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

interface Rule {
  readonly from: readonly RequestStatus[];
  /** Target; `same` keeps the status (a reply to a request already being worked). */
  readonly to: RequestStatus | 'same';
  readonly actors: readonly ActorKind[];
  /** Needs the reopen window (counted from the resolution) to be still open. */
  readonly withinReopenWindow?: boolean;
}

const OPEN: readonly RequestStatus[] = OPEN_STATUSES;

/**
 * The transition table. `requester_reply` is listed per source status because its target
 * depends on it: waiting → in_progress (clarification answered), resolved → in_progress (a reply
 * reopens, like Zendesk), new / in_progress → unchanged.
 */
const RULES: Record<LifecycleAction, readonly Rule[]> = {
  // Also resumes work on a waiting request when the answer came another way (a phone call).
  start: [{ from: ['new', 'waiting_for_requester'], to: 'in_progress', actors: ['staff'] }],
  request_clarification: [{ from: ['new', 'in_progress'], to: 'waiting_for_requester', actors: ['staff'] }],
  requester_reply: [
    { from: ['waiting_for_requester'], to: 'in_progress', actors: ['requester'] },
    { from: ['new', 'in_progress'], to: 'same', actors: ['requester'] },
    { from: ['resolved'], to: 'in_progress', actors: ['requester'], withinReopenWindow: true },
  ],
  resolve: [{ from: OPEN, to: 'resolved', actors: ['staff'] }],
  close: [{ from: ['resolved'], to: 'closed', actors: ['staff', 'requester'] }],
  auto_close: [{ from: ['resolved'], to: 'closed', actors: ['system'] }],
  reopen: [{ from: ['resolved', 'closed'], to: 'in_progress', actors: ['staff', 'requester'], withinReopenWindow: true }],
  reject: [{ from: OPEN, to: 'rejected', actors: ['staff'] }],
};

export interface LifecycleState {
  readonly status: RequestStatus;
  /** When the request was resolved (start of the reopen window); null when never resolved. */
  readonly resolvedAt: number | null;
}

export interface LifecycleContext {
  readonly actor: ActorKind;
  /** Current instant, epoch ms. */
  readonly now: number;
  /** Reopen window after the resolution, ms. */
  readonly reopenWindowMs: number;
}

export type TransitionResult =
  | { readonly ok: true; readonly from: RequestStatus; readonly to: RequestStatus }
  | { readonly ok: false; readonly reason: 'not_allowed' | 'reopen_window_expired'; readonly allowed: LifecycleAction[] };

function ruleFor(action: LifecycleAction, status: RequestStatus, actor: ActorKind): Rule | undefined {
  return RULES[action].find((rule) => rule.from.includes(status) && rule.actors.includes(actor));
}

function windowOpen(state: LifecycleState, ctx: LifecycleContext): boolean {
  return state.resolvedAt !== null && ctx.now - state.resolvedAt <= ctx.reopenWindowMs;
}

/** Actions the actor may take now, in table order. */
export function allowedActions(state: LifecycleState, ctx: LifecycleContext): LifecycleAction[] {
  return ACTIONS.filter((action) => {
    const rule = ruleFor(action, state.status, ctx.actor);
    return rule !== undefined && (!rule.withinReopenWindow || windowOpen(state, ctx));
  });
}

/** Applies an action: the target status, or why not plus the actions that are allowed. */
export function transition(state: LifecycleState, action: LifecycleAction, ctx: LifecycleContext): TransitionResult {
  const rule = ruleFor(action, state.status, ctx.actor);
  if (!rule) return { ok: false, reason: 'not_allowed', allowed: allowedActions(state, ctx) };
  if (rule.withinReopenWindow && !windowOpen(state, ctx)) {
    return { ok: false, reason: 'reopen_window_expired', allowed: allowedActions(state, ctx) };
  }
  return { ok: true, from: state.status, to: rule.to === 'same' ? state.status : rule.to };
}

/** True for a status change made by the desk that counts as the first response (DOMAIN §4.3). */
export function countsAsFirstResponse(action: LifecycleAction, actor: ActorKind): boolean {
  return actor === 'staff' && action !== 'close';
}
