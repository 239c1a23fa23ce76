/**
 * What the requester may do on their request's page, from the actions the server allows
 * (`allowedActions` of the requester's view; domain/requests/lifecycle.ts): write, confirm and
 * close a resolved request, reopen a resolved or closed one within the desk's reopen window.
 * The explanation under the status follows the same facts, so a closed request that can still be
 * reopened never says "send a new request".
 */
import type { MessageKey } from '../../i18n/locale.tsx';
import type { RequestStatus } from './public-api.ts';

export interface RequesterChoices {
  canReply: boolean;
  canClose: boolean;
  canReopen: boolean;
  /** Nothing more can be done in this request. */
  finished: boolean;
  /** The request is over and cannot be reopened: offer a new one. */
  offerNewRequest: boolean;
  /** The text that explains the status to the requester. */
  explanation: MessageKey;
}

export function requesterChoices(view: { status: RequestStatus; allowedActions: readonly string[] }): RequesterChoices {
  const canReply = view.allowedActions.includes('requester_reply');
  const canClose = view.allowedActions.includes('close');
  const canReopen = view.allowedActions.includes('reopen');
  let explanation: MessageKey = `intake.status.explain.${view.status}`;
  // Resolved: a reply reopens it while the window is open; after that only closing is left.
  if (view.status === 'resolved' && !canReply && !canReopen) explanation = 'intake.status.explain.resolvedFinal';
  if (view.status === 'closed' && canReopen) explanation = 'intake.status.explain.closedReopenable';
  const over = view.status === 'resolved' || view.status === 'closed' || view.status === 'rejected';
  return {
    canReply,
    canClose,
    canReopen,
    finished: !canReply && !canClose && !canReopen,
    offerNewRequest: over && !canReply && !canReopen,
    explanation,
  };
}

/**
 * Closing now would drop what the requester has typed or attached but not sent (the reply box
 * goes away with the request closed), so the page asks first.
 */
export function closeLosesDraft(body: string, files: readonly unknown[]): boolean {
  return body.trim().length > 0 || files.length > 0;
}
