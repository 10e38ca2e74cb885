import Decimal from 'decimal.js';
import { CurrencyCode, SUPPORTED_CURRENCIES, isSupportedCurrency } from '../../shared/money/currency';

/** Order limits of the merchant account for one currency, in major units (`"1"`, `20000`, `"0.500"`). */
export interface CurrencyLimit {
  min: string | number;
  max: string | number;
}

/** `sync`: webhooks are delivered before the API/control call that caused them answers. `async`: after. */
export type WebhookDeliveryMode = 'sync' | 'async';

/** Status a successfully voided session takes (Tamara does not document it; `expired` is the in-store flow's only "not paid" end). */
export type VoidedStatus = 'expired' | 'canceled';

/** What `refunded_amount` of a simplified-refund response means (undocumented; both readings fit Tamara's examples). */
export type RefundedAmountReading = 'this_refund' | 'cumulative';

export interface TamaraEmulatorOptions {
  /** 0 = a free port. */
  port: number;
  host: string;
  /** Accepted API bearer tokens; empty = any non-empty bearer token. */
  apiTokens: string[];
  /** Merchant notification token: the HS256 key of webhook JWTs. */
  notificationToken: string;
  /** `merchant_id` shown on captures and webhook registrations. */
  merchantId: string;
  /** Currencies enabled for the merchant account; others answer `not_supported_country_currency`. */
  merchantCurrencies: CurrencyCode[];
  /** Per-currency min/max order amount; currencies left out use 1 … 20000. */
  limits: Partial<Record<CurrencyCode, CurrencyLimit>>;
  /** When false (Tamara's default) every link lasts `defaultExpiryMinutes` and `expiry_time` is ignored. */
  expiryTimeEnabled: boolean;
  defaultExpiryMinutes: number;
  voidedStatus: VoidedStatus;
  /** Emit `order_approved` before `order_captured` when the customer pays. */
  emitApprovedBeforeCapture: boolean;
  /** Refuse a new session whose `order_reference_id` belongs to an order that is not declined/expired/canceled. */
  rejectDuplicateReference: boolean;
  /** Refuse amounts with more decimals than the currency has (400); when false they are rounded half-up. */
  rejectExcessDecimals: boolean;
  /** Refuse a session whose item totals do not add up to `total_amount` (Tamara's own sample does not). */
  validateItemsTotal: boolean;
  /** HTTP status of an over-refund (`total_amount_exceeds_refundable_amount`). */
  overRefundHttpStatus: number;
  refundResponseAmount: RefundedAmountReading;
  /** Phones (`966…` form) for which the ID-verification endpoint answers `true`. */
  idVerifiedPhones: string[];
  /** Phones (`966…` form) whose payment attempt is declined, like Tamara's sandbox "declined customer". */
  declinedTestPhones: string[];
  webhookDelivery: WebhookDeliveryMode;
  webhookTimeoutMs: number;
  /** Delivery attempts per webhook (1 = no retry); a retry happens on a non-2xx answer or a network error. */
  webhookAttempts: number;
  webhookRetryDelayMs: number;
  /** Refuse non-https webhook URLs as Tamara's portal does (off so loopback listeners work). */
  requireHttpsWebhooks: boolean;
  /** Source of real time; the emulator clock is this plus an offset moved by `advanceClock`. */
  now: () => Date;
  /** Initial clock offset. */
  clockOffsetSeconds: number;
  /** How often the expiry timer looks for links past their expiry (expiry is also applied on every call). */
  expirySweepIntervalMs: number;
  /** Base of `checkout_deeplink`; defaults to the emulator's own checkout page (`<url>/_emulator`). */
  checkoutBaseUrl: string | undefined;
}

/** Tamara's sandbox test customers (testing guide): 544337866 pays, 526422337 is declined. */
export const SANDBOX_SUCCESS_PHONE = '966544337866';
export const SANDBOX_DECLINED_PHONE = '966526422337';

export function defaultEmulatorOptions(): TamaraEmulatorOptions {
  return {
    port: 0,
    host: '127.0.0.1',
    apiTokens: [],
    notificationToken: 'tamara-emulator-notification-token',
    merchantId: '6d9f752e-0bbc-47eb-bcf7-be13adf6f04d',
    merchantCurrencies: [...SUPPORTED_CURRENCIES],
    limits: {},
    expiryTimeEnabled: false,
    defaultExpiryMinutes: 15,
    voidedStatus: 'expired',
    emitApprovedBeforeCapture: true,
    rejectDuplicateReference: false,
    rejectExcessDecimals: true,
    validateItemsTotal: false,
    overRefundHttpStatus: 400,
    refundResponseAmount: 'this_refund',
    idVerifiedPhones: [SANDBOX_SUCCESS_PHONE, '966544337766'],
    declinedTestPhones: [SANDBOX_DECLINED_PHONE],
    webhookDelivery: 'async',
    webhookTimeoutMs: 5000,
    webhookAttempts: 1,
    webhookRetryDelayMs: 1000,
    requireHttpsWebhooks: false,
    now: () => new Date(),
    clockOffsetSeconds: 0,
    expirySweepIntervalMs: 1000,
    checkoutBaseUrl: undefined,
  };
}

/** Limits with exact decimal bounds. */
export interface ResolvedLimit {
  min: Decimal;
  max: Decimal;
}

export interface ResolvedEmulatorOptions extends TamaraEmulatorOptions {
  resolvedLimits: Record<CurrencyCode, ResolvedLimit>;
}

export function resolveEmulatorOptions(input: Partial<TamaraEmulatorOptions> = {}): ResolvedEmulatorOptions {
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<TamaraEmulatorOptions>;
  const options: TamaraEmulatorOptions = { ...defaultEmulatorOptions(), ...defined };
  for (const currency of options.merchantCurrencies) {
    if (!isSupportedCurrency(currency)) throw new RangeError(`merchantCurrencies: ${String(currency)} is not a Tamara currency`);
  }
  if (options.notificationToken.length === 0) throw new RangeError('notificationToken must not be empty');
  if (!Number.isInteger(options.webhookAttempts) || options.webhookAttempts < 1) throw new RangeError('webhookAttempts must be ≥ 1');
  const resolvedLimits = {} as Record<CurrencyCode, ResolvedLimit>;
  for (const currency of SUPPORTED_CURRENCIES) {
    const limit = options.limits[currency] ?? { min: 1, max: 20000 };
    const min = new Decimal(String(limit.min));
    const max = new Decimal(String(limit.max));
    if (min.greaterThan(max)) throw new RangeError(`limits.${currency}: min ${min.toString()} > max ${max.toString()}`);
    resolvedLimits[currency] = { min, max };
  }
  return { ...options, resolvedLimits };
}
