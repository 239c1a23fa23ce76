/**
 * The queue's state lives in the address (`/requests?view=overdue&status=new&q=…&page=2`), so a
 * view can be bookmarked or sent to a colleague, and «back» from a request restores the list.
 */
import { CHANNELS, REQUEST_TYPES, REQUESTER_KINDS } from '../../../domain/requests/taxonomy.ts';
import { OPEN_STATUSES, STATUSES } from '../../../domain/requests/lifecycle.ts';
import { QUEUE_VIEWS, type QueueFilters, type QueueView } from './requests-api.ts';

export const FILTER_KEYS = ['status', 'categoryId', 'channel', 'requesterKind', 'assigneeId', 'type'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface QueueState {
  view: QueueView;
  filters: QueueFilters;
  page: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function uuid(value: string | null): string | undefined {
  return value !== null && UUID.test(value) ? value : undefined;
}

export function readQueueState(params: URLSearchParams, defaultView: QueueView): QueueState {
  const page = Number(params.get('page'));
  const q = params.get('q')?.trim();
  return {
    view: oneOf(params.get('view'), QUEUE_VIEWS) ?? defaultView,
    filters: {
      status: oneOf(params.get('status'), STATUSES),
      categoryId: uuid(params.get('categoryId')),
      channel: oneOf(params.get('channel'), CHANNELS),
      requesterKind: oneOf(params.get('requesterKind'), REQUESTER_KINDS),
      assigneeId: uuid(params.get('assigneeId')),
      type: oneOf(params.get('type'), REQUEST_TYPES),
      q: q ? q.slice(0, 100) : undefined,
    },
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** How many of the filters (not the view or the search) are set. */
export function activeFilterCount(filters: QueueFilters): number {
  return FILTER_KEYS.filter((key) => filters[key] !== undefined).length;
}

/** A copy of `params` with the given keys set (or removed when empty); any change goes back to page 1. */
export function withParams(params: URLSearchParams, changes: Record<string, string | null | undefined>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}

/**
 * The view to show once a filter is chosen: the same, unless it can never hold what the filter
 * asks for — a finished status in a view of open requests (or another status in «waiting»)
 * moves to «all», an assignee in «unassigned» to «open» — instead of an always empty list.
 */
export function viewForFilter(view: QueueView, key: FilterKey, value: string | null): QueueView {
  if (value === null) return view;
  if (key === 'status') {
    const open = (OPEN_STATUSES as readonly string[]).includes(value);
    if (view === 'waiting' && value !== 'waiting_for_requester') return open ? 'open' : 'all';
    if (!open && view !== 'all') return 'all';
  }
  if (key === 'assigneeId' && view === 'unassigned') return 'open';
  return view;
}
