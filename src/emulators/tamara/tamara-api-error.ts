import type { TamaraMoney } from './money/tamara-money';

/** One entry of Tamara's `errors` array. */
export interface TamaraErrorItem {
  error_code: string;
  data?: Record<string, unknown>;
}

/** Tamara's error body: `{message, errors:[{error_code, data?}], data:{}, title:null, screen_type:null}`. */
export interface TamaraErrorEnvelope {
  message: string;
  errors: TamaraErrorItem[];
  data: Record<string, never>;
  title: null;
  screen_type: null;
}

/**
 * An answer the emulated Tamara gives instead of a success body. Thrown by handlers and turned
 * into the HTTP status and envelope by the server, so every 4xx has the same shape.
 */
export class TamaraApiError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
    readonly errors: readonly TamaraErrorItem[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'TamaraApiError';
  }

  get errorCode(): string | undefined {
    return this.errors[0]?.error_code;
  }

  toEnvelope(): TamaraErrorEnvelope {
    return errorEnvelope(this.message, this.errors);
  }
}

export function errorEnvelope(message: string, errors: readonly TamaraErrorItem[]): TamaraErrorEnvelope {
  return { message, errors: errors.map((e) => ({ ...e })), data: {}, title: null, screen_type: null };
}

function single(httpStatus: number, message: string, errorCode: string, data?: Record<string, unknown>): TamaraApiError {
  return new TamaraApiError(httpStatus, message, [data ? { error_code: errorCode, data } : { error_code: errorCode }]);
}

/** Every error the emulator can answer with, in one place (codes marked "emulator" are our choice; see docs/tamara-emulator.md). */
export const TamaraErrors = {
  unauthorized: () => single(401, 'Unauthorized', 'unauthorized'),
  routeNotFound: (method: string, path: string) => single(404, `No route for ${method} ${path}`, 'not_found'),
  methodNotAllowed: (method: string, path: string) => single(405, `Method ${method} is not allowed on ${path}`, 'method_not_allowed'),
  invalidJson: () => single(400, 'The request body is not valid JSON', 'invalid_json'),
  orderNotFound: (orderId: string) => single(404, `Order ${orderId} not found`, 'order_not_found'),
  orderReferenceNotFound: (reference: string) => single(404, `Order with reference id ${reference} not found`, 'order_not_found'),
  checkoutNotFound: (checkoutId: string) => single(404, `Checkout session ${checkoutId} not found`, 'checkout_not_found'),
  webhookNotFound: (webhookId: string) => single(404, `Webhook ${webhookId} not found`, 'webhook_not_found'),
  // Tamara's documented message and code (OpenAPI 400 example on the checkout endpoints).
  notSupportedCountryCurrency: () =>
    single(400, 'Unsupported country-currency combination. Please reach out to your account manager for support', 'not_supported_country_currency'),
  // Code from Tamara's own plugins' error map; message is theirs too.
  totalAmountInvalidLimit: () => single(400, 'The grand total of order is over/under limit of Tamara.', 'total_amount_invalid_limit'),
  invalidPhoneNumber: () => single(400, 'Invalid Phone Number.', 'invalid_phone_number'),
  currencyMismatch: (field: string) =>
    single(400, 'We do not support cross currencies. Please select the correct currency for your country.', `${field}_invalid_currency`),
  tooManyDecimals: (field: string, scale: number) =>
    single(400, `${field} has more than ${scale} decimals`, `${field}_invalid_decimal_places`, { field, max_decimal_places: scale }),
  // Shape of Tamara's documented 409 (cancel from `approved`).
  transitionNotAllowed: (orderId: string, oldState: string, newState: string) =>
    single(409, `The order ${orderId} cannot be moved to the status ${newState} from ${oldState}`, 'transition_not_allowed', {
      order_id: orderId,
      old_state: oldState,
      new_state: newState,
    }),
  refundExceedsRefundable: (httpStatus: number, refundable: TamaraMoney) =>
    single(httpStatus, 'The refund amount exceeds the amount that can still be refunded', 'total_amount_exceeds_refundable_amount', {
      refundable_amount: refundable,
    }),
  duplicateReference: (reference: string, existingOrderId: string) =>
    single(409, `An order with reference id ${reference} already exists`, 'order_reference_id_already_exists', { order_id: existingOrderId }),
  webhookAlreadyRegistered: (webhookId: string) =>
    single(409, 'The webhook url is already registered', 'webhook_already_registered', { webhook_id: webhookId }),
  tooManyRequests: (retryAfterSeconds: number) =>
    new TamaraApiError(429, 'Too Many Requests', [{ error_code: 'too_many_requests' }], { 'Retry-After': String(retryAfterSeconds) }),
  serverError: (httpStatus: number) => single(httpStatus, 'Internal Server Error', 'internal_server_error'),
} as const;
