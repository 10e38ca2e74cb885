import { classifyExchange, DEFAULT_RETRY_AFTER_MS } from '../../../src/tamara/tamara-error.mapper';
import type { HttpExchange } from '../../../src/tamara/tamara-http.transport';
import type { TamaraOperation } from '../../../src/tamara/tamara-operation';
import { parseRetryAfterMs } from '../../../src/tamara/retry-after';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

function kindOf(operation: TamaraOperation, exchange: HttpExchange): string {
  const result = classifyExchange({ operation, nowMs: NOW, secrets: [] }, exchange);
  return result.ok ? 'ok' : result.error.kind;
}
const response = (status: number, body = ''): HttpExchange => ({ type: 'response', status, body });

describe('classifyExchange', () => {
  it.each([
    [200, '{}', 'ok', 'ok'],
    [200, 'not json', 'unavailable', 'outcome_unknown'],
    [204, '', 'unavailable', 'outcome_unknown'],
    [301, '', 'unavailable', 'outcome_unknown'],
    [400, '{"message":"bad"}', 'rejected', 'rejected'],
    [400, '<html>', 'rejected', 'rejected'],
    [401, '', 'unauthorized', 'unauthorized'],
    [403, '', 'unauthorized', 'unauthorized'],
    [404, '', 'not_found', 'not_found'],
    [408, '', 'unavailable', 'outcome_unknown'],
    [409, '', 'rejected', 'outcome_unknown'],
    [422, '', 'rejected', 'rejected'],
    [429, '', 'rate_limited', 'rate_limited'],
    [500, '', 'unavailable', 'outcome_unknown'],
    [502, '', 'unavailable', 'outcome_unknown'],
    [503, '', 'unavailable', 'outcome_unknown'],
  ])('HTTP %i with body %j → read: %s, write: %s', (status, body, read, write) => {
    expect(kindOf('getOrder', response(status, body))).toBe(read);
    expect(kindOf('simplifiedRefund', response(status, body))).toBe(write);
  });

  it.each([
    ['no', 'unavailable', 'unavailable'],
    ['maybe', 'unavailable', 'outcome_unknown'],
  ] as const)('no response, request sent: %s → read: %s, write: %s', (requestSent, read, write) => {
    const exchange: HttpExchange = { type: 'no_response', requestSent, failureCode: 'X' };
    expect(kindOf('findOrderByReference', exchange)).toBe(read);
    expect(kindOf('createInStoreSession', exchange)).toBe(write);
  });

  it('reads Retry-After into retryAfterMs, with a default when absent', () => {
    const withHeader = classifyExchange({ operation: 'getOrder', nowMs: NOW, secrets: [] }, { type: 'response', status: 429, retryAfter: '10', body: '' });
    const without = classifyExchange({ operation: 'getOrder', nowMs: NOW, secrets: [] }, response(429));

    expect(!withHeader.ok && withHeader.error.details.retryAfterMs).toBe(10_000);
    expect(!without.ok && without.error.details.retryAfterMs).toBe(DEFAULT_RETRY_AFTER_MS);
  });

  it('scrubs the given secrets from Tamara’s message and error data', () => {
    const body = JSON.stringify({ message: 'token abcd-secret-1234 rejected', errors: [{ error_code: 'x', data: { echo: 'abcd-secret-1234', email: 'a@b.co' } }] });
    const result = classifyExchange({ operation: 'registerWebhook', nowMs: NOW, secrets: ['abcd-secret-1234'] }, response(400, body));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe('Tamara registerWebhook: HTTP 400 x: token [redacted] rejected');
    expect(result.error.details.errorData).toEqual({ echo: '[redacted]', email: '[redacted]' });
  });
});

describe('parseRetryAfterMs', () => {
  it.each([
    ['0', 0],
    ['5', 5000],
    [' 120 ', 120_000],
    [new Date(NOW + 4000).toUTCString(), 4000],
    [new Date(NOW - 4000).toUTCString(), 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('%j → %j ms', (header, expected) => {
    expect(parseRetryAfterMs(header, NOW)).toBe(expected);
  });
});
