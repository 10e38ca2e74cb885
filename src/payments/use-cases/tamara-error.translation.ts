import { AppError } from '../../shared/errors/app-error';
import { TamaraError } from '../../tamara/tamara-error';

/** How a definite Tamara refusal reads to a cashier, keyed by Tamara's error_code. */
const REJECTION_CODES: Record<string, { code: 'INVALID_PHONE' | 'UNSUPPORTED_CURRENCY' | 'TAMARA_REJECTED'; message: string }> = {
  invalid_phone_number: { code: 'INVALID_PHONE', message: 'Tamara did not accept the customer phone number.' },
  consumer_invalid_phone_number: { code: 'INVALID_PHONE', message: 'Tamara did not accept the customer phone number.' },
  not_supported_country_currency: {
    code: 'UNSUPPORTED_CURRENCY',
    message: 'This currency is not enabled for the merchant at Tamara. Ask your Tamara account manager.',
  },
  currency_unsupported: { code: 'UNSUPPORTED_CURRENCY', message: 'Tamara does not support this currency for the merchant.' },
  total_amount_invalid_limit: {
    code: 'TAMARA_REJECTED',
    message: 'The amount is outside the limits Tamara allows for this merchant or customer.',
  },
  total_amount_invalid_limit_24hrs_gmv: {
    code: 'TAMARA_REJECTED',
    message: 'The customer reached Tamara’s 24-hour spending limit.',
  },
  tamara_disabled: { code: 'TAMARA_REJECTED', message: 'Tamara is disabled for this merchant account.' },
};

export function rejectionToAppError(error: TamaraError): AppError {
  const known = error.errorCode ? REJECTION_CODES[error.errorCode] : undefined;
  const message = known?.message ?? `Tamara refused the request: ${error.message}`;
  return new AppError(known?.code ?? 'TAMARA_REJECTED', message, {
    tamaraErrorCode: error.errorCode ?? null,
    tamaraMessage: error.message,
  });
}

export function unavailableAppError(error: TamaraError, what: string): AppError {
  const retryAfter = error.details.retryAfterMs ? Math.ceil(error.details.retryAfterMs / 1000) : 10;
  if (error.kind === 'unauthorized') {
    return new AppError(
      'TAMARA_UNAVAILABLE',
      'Tamara refused the connector’s API token. Check TAMARA_API_TOKEN and TAMARA_API_URL (sandbox and production tokens differ).',
      { reason: 'unauthorized' },
      60,
    );
  }
  return new AppError(
    error.kind === 'rate_limited' ? 'TAMARA_RATE_LIMITED' : 'TAMARA_UNAVAILABLE',
    `Tamara could not be reached to ${what}. Nothing was charged; try again in a moment.`,
    { reason: error.kind },
    retryAfter,
  );
}
