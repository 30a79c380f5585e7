import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/api.ts';
import { closedReasonOf, mayRetry } from './callerErrors.ts';

describe('a call record that failed', () => {
  it('is sent again as it was when it may have been stored or never arrived', () => {
    expect(mayRetry(new ApiError(0, 'network_error'))).toBe(true);
    expect(mayRetry(new ApiError(502, 'http_502'))).toBe(true);
    expect(mayRetry(new ApiError(429, 'rate_limited'))).toBe(true);
    expect(mayRetry(new TypeError('Failed to fetch'))).toBe(true);
  });

  it('is dropped when the server refused it (nothing was stored)', () => {
    expect(mayRetry(new ApiError(409, 'claim_lost'))).toBe(false);
    expect(mayRetry(new ApiError(422, 'invalid_answers'))).toBe(false);
    expect(mayRetry(new ApiError(400, 'validation_failed'))).toBe(false);
  });
});

describe('a refused claim', () => {
  it('says why calling is closed, as the bank does', () => {
    expect(closedReasonOf(new ApiError(409, 'outside_hours'))).toBe('outside_hours');
    expect(closedReasonOf(new ApiError(409, 'pre_election_silence'))).toBe('pre_election_silence');
    expect(closedReasonOf(new ApiError(409, 'phone_bank_not_open'))).toBe('not_open');
    expect(closedReasonOf(new ApiError(409, 'queue_empty'))).toBeNull();
    expect(closedReasonOf(new Error('offline'))).toBeNull();
  });
});
