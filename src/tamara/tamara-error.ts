/**
 * How a Tamara call failed, classified once so that callers decide without looking at HTTP:
 * - rejected: Tamara answered 4xx with its error envelope; the request had no effect.
 * - not_found: 404; the order (or webhook) does not exist.
 * - unauthorized: 401/403; the API token is wrong or for the other environment.
 * - rate_limited: 429; not executed; wait `retryAfterMs`.
 * - unavailable: the request certainly did not reach Tamara (connection refused, DNS), or a read failed.
 * - outcome_unknown: a write may or may not have happened (timeout after sending, 5xx, broken
 *   response). Resolve by looking the order up, never by sending again blindly.
 * - invalid_response: 2xx with a body that does not match the contract.
 */
export type TamaraErrorKind =
  | 'rejected'
  | 'not_found'
  | 'unauthorized'
  | 'rate_limited'
  | 'unavailable'
  | 'outcome_unknown'
  | 'invalid_response';

export class TamaraError extends Error {
  constructor(
    readonly kind: TamaraErrorKind,
    message: string,
    readonly details: {
      httpStatus?: number;
      /** errors[0].error_code from Tamara's envelope. */
      errorCode?: string;
      errorCodes?: string[];
      /** errors[0].data, e.g. { webhook_id } for webhook_already_registered. */
      errorData?: Record<string, unknown>;
      retryAfterMs?: number;
      operation?: string;
    } = {},
  ) {
    super(message);
    this.name = 'TamaraError';
  }

  get errorCode(): string | undefined {
    return this.details.errorCode;
  }
}
