import { describe, expect, it } from 'vitest';
import { closeLosesDraft, requesterChoices } from './requester-actions.ts';

describe('what the requester may do on the status page', () => {
  it('offers reply, reopen and close on a resolved request inside the reopen window', () => {
    expect(requesterChoices({ status: 'resolved', allowedActions: ['requester_reply', 'close', 'reopen'] })).toEqual({
      canReply: true,
      canClose: true,
      canReopen: true,
      finished: false,
      offerNewRequest: false,
      explanation: 'intake.status.explain.resolved',
    });
  });

  it('offers reopen on a closed request inside the window, and does not tell the person to send a new one', () => {
    const choices = requesterChoices({ status: 'closed', allowedActions: ['reopen'] });
    expect(choices).toMatchObject({ canReply: false, canClose: false, canReopen: true, finished: false, offerNewRequest: false });
    expect(choices.explanation).toBe('intake.status.explain.closedReopenable');
  });

  it('says a closed request after the window is over for good and offers a new request', () => {
    expect(requesterChoices({ status: 'closed', allowedActions: [] })).toMatchObject({
      canReopen: false,
      finished: true,
      offerNewRequest: true,
      explanation: 'intake.status.explain.closed',
    });
  });

  it('lets a resolved request past the window only be closed, and says it cannot be reopened', () => {
    expect(requesterChoices({ status: 'resolved', allowedActions: ['close'] })).toMatchObject({
      canReply: false,
      canClose: true,
      canReopen: false,
      finished: false,
      offerNewRequest: true,
      explanation: 'intake.status.explain.resolvedFinal',
    });
  });

  it('keeps the plain explanation of open and rejected requests', () => {
    expect(requesterChoices({ status: 'waiting_for_requester', allowedActions: ['requester_reply'] })).toMatchObject({
      canReply: true,
      offerNewRequest: false,
      explanation: 'intake.status.explain.waiting_for_requester',
    });
    expect(requesterChoices({ status: 'rejected', allowedActions: [] })).toMatchObject({
      finished: true,
      offerNewRequest: true,
      explanation: 'intake.status.explain.rejected',
    });
  });

  it('asks before closing while the reply box holds unsent text or files', () => {
    expect(closeLosesDraft('', [])).toBe(false);
    expect(closeLosesDraft('   \n', [])).toBe(false);
    expect(closeLosesDraft('Спасибо, но оценка всё ещё не видна', [])).toBe(true);
    expect(closeLosesDraft('', [{ name: 'снимок.png' }])).toBe(true);
  });
});
