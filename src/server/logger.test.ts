import { describe, expect, it } from 'vitest';
import { redactUrl } from './logger.ts';

describe('log redaction', () => {
  it('hides private status tokens and reset tokens in logged URLs', () => {
    expect(redactUrl('/api/public/status/AbC-123_x/messages?x=1')).toBe('/api/public/status/***/messages?x=1');
    expect(redactUrl('/status/AbC-123_x')).toBe('/status/***');
    expect(redactUrl('/reset-password?token=secret&lang=ru')).toBe('/reset-password?token=***&lang=ru');
    expect(redactUrl('/api/requests?view=mine')).toBe('/api/requests?view=mine');
  });
});
