import { describe, expect, it } from 'vitest';
import { viewForFilter } from './queue-params.ts';

describe('the view once a filter is chosen', () => {
  it('stays when it can hold what the filter asks for', () => {
    expect(viewForFilter('open', 'status', 'new')).toBe('open');
    expect(viewForFilter('all', 'status', 'closed')).toBe('all');
    expect(viewForFilter('waiting', 'status', 'waiting_for_requester')).toBe('waiting');
    expect(viewForFilter('mine', 'channel', 'phone')).toBe('mine');
    expect(viewForFilter('unassigned', 'assigneeId', null)).toBe('unassigned');
  });

  it('moves when it never could: finished statuses to «all», an assignee out of «unassigned»', () => {
    expect(viewForFilter('open', 'status', 'resolved')).toBe('all');
    expect(viewForFilter('overdue', 'status', 'closed')).toBe('all');
    expect(viewForFilter('waiting', 'status', 'new')).toBe('open');
    expect(viewForFilter('waiting', 'status', 'rejected')).toBe('all');
    expect(viewForFilter('unassigned', 'assigneeId', '00000000-0000-4000-8000-000000000000')).toBe('open');
  });
});
