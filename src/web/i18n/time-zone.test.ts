import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, todayIn, zonedFormat, zoneOf } from './time-zone.ts';

describe('dates on the organisation’s clock', () => {
  it('shows a request of a Yekaterinburg school in Yekaterinburg time, not Moscow time', () => {
    const registered = '2026-03-02T21:30:00Z';
    expect(zonedFormat(zoneOf({ timeZone: 'Asia/Yekaterinburg' })).date(registered)).toBe('03.03.2026');
    expect(zonedFormat('Asia/Yekaterinburg').dateTime(registered)).toBe('03.03.2026 02:30');
    expect(zonedFormat('Europe/Moscow').dateTime(registered)).toBe('03.03.2026 00:30');
    // Late evening in Moscow is already the next day in Yekaterinburg, still the same day in Kaliningrad.
    expect(zonedFormat('Europe/Moscow').date('2026-03-02T20:30:00Z')).toBe('02.03.2026');
    expect(zonedFormat('Asia/Yekaterinburg').date('2026-03-02T20:30:00Z')).toBe('03.03.2026');
    expect(zonedFormat('Europe/Kaliningrad').dateTime(registered)).toBe('02.03.2026 23:30');
    expect(zonedFormat('Asia/Vladivostok').dateTime(registered)).toBe('03.03.2026 07:30');
  });

  it('takes the view’s zone, and Moscow time for a view without one or with a zone the browser does not know', () => {
    expect(zoneOf({ timeZone: 'Asia/Vladivostok' })).toBe('Asia/Vladivostok');
    expect(zoneOf({ id: 'x' })).toBe(DEFAULT_TIME_ZONE);
    expect(zoneOf(null)).toBe(DEFAULT_TIME_ZONE);
    expect(zoneOf({ timeZone: '' })).toBe(DEFAULT_TIME_ZONE);
    expect(zoneOf({ timeZone: 42 })).toBe(DEFAULT_TIME_ZONE);
    expect(zoneOf({ timeZone: 'Mars/Olympus_Mons' })).toBe(DEFAULT_TIME_ZONE);
    expect(DEFAULT_TIME_ZONE).toBe('Europe/Moscow');
  });

  it('knows today on the school’s clock: in Vladivostok before 10:00 it is a day ahead of UTC', () => {
    const now = new Date('2026-03-02T22:00:00Z'); // 08:00 on 3 March in Vladivostok
    expect(todayIn('Asia/Vladivostok', now)).toBe('2026-03-03');
    expect(todayIn('Europe/Moscow', now)).toBe('2026-03-03');
    expect(todayIn('Europe/Kaliningrad', now)).toBe('2026-03-03');
    expect(todayIn('Europe/Kaliningrad', new Date('2026-03-02T21:30:00Z'))).toBe('2026-03-02');
    expect(todayIn('Asia/Vladivostok', new Date('2026-12-31T14:00:00Z'))).toBe('2027-01-01');
  });
});
