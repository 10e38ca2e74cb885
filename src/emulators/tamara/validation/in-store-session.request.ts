import Decimal from 'decimal.js';
import { CurrencyCode, isSupportedCurrency } from '../../../shared/money/currency';
import { readJsonNumber } from '../money/amount-input';
import { TamaraMoney } from '../money/tamara-money';
import { TamaraErrors } from '../tamara-api-error';
import type { ResolvedEmulatorOptions } from '../tamara-emulator.options';
import {
  IssueCollector,
  isAbsoluteUrl,
  isRecord,
  optionalEnum,
  optionalString,
  requiredString,
  validationError,
} from './field-issues';
import { MoneyInput, readMoney, toTamaraMoney } from './money-field';
import { RecognisedPhone, countryOfCurrency, recognisePhone } from './phone-number';

export const LOCALES = ['ar_SA', 'en_US'] as const;
export const PAYMENT_TYPES = ['PAY_BY_INSTALMENTS', 'PAY_NOW'] as const;
export type Locale = (typeof LOCALES)[number];
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export interface SessionItem {
  referenceId: string;
  type: string;
  name: string;
  sku: string;
  quantity: number;
  unitPrice: TamaraMoney | undefined;
  taxAmount: TamaraMoney | undefined;
  discountAmount: TamaraMoney | undefined;
  totalAmount: TamaraMoney;
  itemUrl: string | undefined;
  imageUrl: string | undefined;
}

/** A validated `POST /checkout/in-store-session` body. */
export interface InStoreSessionRequest {
  totalAmount: TamaraMoney;
  phone: RecognisedPhone;
  /** Exactly as the client sent it (the SMS record keeps it). */
  phoneNumberAsSent: string;
  email: string | undefined;
  orderReferenceId: string;
  orderNumber: string | undefined;
  items: SessionItem[];
  locale: Locale | undefined;
  paymentType: PaymentType;
  /** Honoured only when the merchant has the feature enabled. */
  expiryTimeMinutes: number | undefined;
  storeCode: string | undefined;
  /** Present in Tamara's example body but not in its schema; echoed on the order when given. */
  instalments: number | undefined;
}

// Lengths documented in Tamara's OpenAPI (items) — no limit is documented for the other strings.
const MAX_ITEM_NAME = 255;
const MAX_SKU = 128;
const MAX_URL = 1024;
const EXPIRY_MINUTES = { min: 5, max: 1440 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface ItemDraft {
  index: number;
  referenceId?: string;
  type?: string;
  name?: string;
  sku?: string;
  quantity?: number;
  unitPrice?: MoneyInput;
  taxAmount?: MoneyInput;
  discountAmount?: MoneyInput;
  totalAmount?: MoneyInput;
  itemUrl?: string;
  imageUrl?: string;
}

/**
 * Checks the body the way the emulated Tamara does, in this order, each with its own answer:
 * 1. shape (required fields, types, enums, lengths) → 400 listing every issue;
 * 2. currency enabled for the merchant → 400 `not_supported_country_currency`;
 * 3. every other amount in the same currency and within the currency's decimals;
 * 4. phone number of the currency's country → 400 `invalid_phone_number`;
 * 5. total within the merchant's limits → 400 `total_amount_invalid_limit`.
 */
export function parseInStoreSessionRequest(body: unknown, options: ResolvedEmulatorOptions): InStoreSessionRequest {
  if (!isRecord(body)) throw validationError([{ field: 'body', problem: 'is_invalid', detail: 'must be a JSON object' }]);
  const issues = new IssueCollector();
  const total = readMoney(body, 'total_amount', 'total_amount', issues, { required: true, positive: true });
  const phoneNumber = requiredString(body, 'phone_number', 'phone_number', issues);
  const email = optionalString(body, 'email', 'email', issues);
  if (email !== undefined && !EMAIL.test(email)) issues.invalid('email', 'must be an e-mail address');
  const orderReferenceId = requiredString(body, 'order_reference_id', 'order_reference_id', issues);
  const orderNumber = optionalString(body, 'order_number', 'order_number', issues);
  const locale = optionalEnum(body, 'locale', 'locale', LOCALES, issues);
  const paymentType = optionalEnum(body, 'payment_type', 'payment_type', PAYMENT_TYPES, issues);
  const items = readItems(body, issues);
  const expiryTimeMinutes = options.expiryTimeEnabled ? readExpiryTime(body, issues) : undefined;
  const storeCode = readStoreCode(body, issues);
  const instalments = readJsonNumber(body.instalments);
  issues.throwIfAny();
  // The collector is empty, so every required value was read.
  if (!total || phoneNumber === undefined || orderReferenceId === undefined || !items) throw new Error('required fields missing without an issue');

  if (!isSupportedCurrency(total.currency) || !options.merchantCurrencies.includes(total.currency)) {
    throw TamaraErrors.notSupportedCountryCurrency();
  }
  const currency: CurrencyCode = total.currency;
  const rules = { rejectExcessDecimals: options.rejectExcessDecimals };
  const totalAmount = toTamaraMoney(total, currency, rules);
  const money = (input: MoneyInput | undefined) => (input ? toTamaraMoney(input, currency, rules) : undefined);
  const sessionItems: SessionItem[] = items.map((item) => ({
    referenceId: item.referenceId ?? '',
    type: item.type ?? '',
    name: item.name ?? '',
    sku: item.sku ?? '',
    quantity: item.quantity ?? 0,
    unitPrice: money(item.unitPrice),
    taxAmount: money(item.taxAmount),
    discountAmount: money(item.discountAmount),
    totalAmount: money(item.totalAmount) ?? TamaraMoney.zero(currency),
    itemUrl: item.itemUrl,
    imageUrl: item.imageUrl,
  }));

  const phone = recognisePhone(phoneNumber, countryOfCurrency(currency));
  if (!phone) throw TamaraErrors.invalidPhoneNumber();

  const limit = options.resolvedLimits[currency];
  const amount = new Decimal(totalAmount.toFixed());
  if (amount.lessThan(limit.min) || amount.greaterThan(limit.max)) throw TamaraErrors.totalAmountInvalidLimit();

  if (options.validateItemsTotal) {
    const itemsTotal = sessionItems.reduce((sum, item) => sum.plus(item.totalAmount), TamaraMoney.zero(currency));
    if (itemsTotal.compare(totalAmount) !== 0) {
      throw validationError([
        { field: 'total_amount', problem: 'is_invalid', detail: `does not match the sum of items[].total_amount (${itemsTotal.toFixed()})` },
      ]);
    }
  }

  return {
    totalAmount,
    phone,
    phoneNumberAsSent: phoneNumber,
    email,
    orderReferenceId,
    orderNumber,
    items: sessionItems,
    locale,
    paymentType: paymentType ?? 'PAY_BY_INSTALMENTS',
    expiryTimeMinutes,
    storeCode,
    instalments: instalments !== undefined && Number.isInteger(instalments) && instalments > 0 ? instalments : undefined,
  };
}

function readItems(body: Record<string, unknown>, issues: IssueCollector): ItemDraft[] | undefined {
  const raw = body.items;
  if (raw === undefined || raw === null) {
    issues.required('items');
    return undefined;
  }
  if (!Array.isArray(raw)) {
    issues.invalid('items', 'must be an array');
    return undefined;
  }
  if (raw.length === 0) {
    issues.invalid('items', 'must contain at least one item');
    return undefined;
  }
  return raw.map((entry, index) => readItem(entry, index, issues));
}

function readItem(entry: unknown, index: number, issues: IssueCollector): ItemDraft {
  const at = `items[${index}]`;
  if (!isRecord(entry)) {
    issues.invalid(at, 'must be an object');
    return { index };
  }
  const quantity = readJsonNumber(entry.quantity);
  if (entry.quantity === undefined || entry.quantity === null) issues.required(`${at}.quantity`);
  else if (quantity === undefined || !(quantity > 0)) issues.invalid(`${at}.quantity`, 'must be a number greater than 0');
  const draft: ItemDraft = {
    index,
    referenceId: requiredString(entry, 'reference_id', `${at}.reference_id`, issues),
    type: requiredString(entry, 'type', `${at}.type`, issues),
    name: requiredString(entry, 'name', `${at}.name`, issues, MAX_ITEM_NAME),
    sku: requiredString(entry, 'sku', `${at}.sku`, issues, MAX_SKU),
    quantity,
    unitPrice: readMoney(entry, 'unit_price', `${at}.unit_price`, issues, { required: false }),
    taxAmount: readMoney(entry, 'tax_amount', `${at}.tax_amount`, issues, { required: false, nonNegative: true }),
    discountAmount: readMoney(entry, 'discount_amount', `${at}.discount_amount`, issues, { required: false, nonNegative: true }),
    totalAmount: readMoney(entry, 'total_amount', `${at}.total_amount`, issues, { required: true, nonNegative: true }),
    itemUrl: readUrl(entry, 'item_url', `${at}.item_url`, issues),
    imageUrl: readUrl(entry, 'image_url', `${at}.image_url`, issues),
  };
  return draft;
}

function readUrl(entry: Record<string, unknown>, key: string, field: string, issues: IssueCollector): string | undefined {
  const value = optionalString(entry, key, field, issues, MAX_URL);
  if (value === undefined || value === '') return value;
  if (!isAbsoluteUrl(value)) {
    issues.invalid(field, 'must be an absolute URL');
    return undefined;
  }
  return value;
}

function readExpiryTime(body: Record<string, unknown>, issues: IssueCollector): number | undefined {
  if (body.expiry_time === undefined || body.expiry_time === null) return undefined;
  const minutes = readJsonNumber(body.expiry_time);
  if (minutes === undefined || !Number.isInteger(minutes) || minutes < EXPIRY_MINUTES.min || minutes > EXPIRY_MINUTES.max) {
    issues.invalid('expiry_time', `must be an integer number of minutes from ${EXPIRY_MINUTES.min} to ${EXPIRY_MINUTES.max}`);
    return undefined;
  }
  return minutes;
}

/** `additional_data` is optional, but when sent its `store_code` is required (Tamara's OpenAPI). */
function readStoreCode(body: Record<string, unknown>, issues: IssueCollector): string | undefined {
  const additional = body.additional_data;
  if (additional === undefined || additional === null) return undefined;
  if (!isRecord(additional)) {
    issues.invalid('additional_data', 'must be an object');
    return undefined;
  }
  return requiredString(additional, 'store_code', 'additional_data.store_code', issues);
}
