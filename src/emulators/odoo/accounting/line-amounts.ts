import { Dec, dec, roundTo, sumDec, type Dec as Decimal } from './money';
import type { Env } from '../orm/model-types';

export interface TaxRule {
  readonly id: number;
  readonly rate: Decimal;
  readonly amountType: string;
  readonly priceIncluded: boolean;
}

export interface LineAmounts {
  /** Untaxed amount of the line, rounded to the currency. */
  readonly subtotal: Decimal;
  /** Each tax's amount on this line, rounded per line (the company's "round per line" setting). */
  readonly taxes: readonly { readonly taxId: number; readonly amount: Decimal }[];
  readonly total: Decimal;
}

/**
 * price_unit × quantity × (1 − discount/100), then each tax on the unrounded base, rounded per
 * line to the currency (Odoo's default `round_per_line`), e.g. 3 × 99.99 − 7.5 % = 277.47 and
 * 15 % of it 41.62. Price-included taxes are taken out of the gross amount first.
 */
export function computeLineAmounts(quantity: unknown, priceUnit: unknown, discount: unknown, taxes: readonly TaxRule[], decimals: number): LineAmounts {
  const gross = dec(quantity).times(dec(priceUnit)).times(new Dec(1).minus(dec(discount).dividedBy(100)));
  const includedRate = sumDec(taxes.filter((tax) => tax.priceIncluded && tax.amountType === 'percent').map((tax) => tax.rate));
  const base = includedRate.isZero() ? gross : gross.dividedBy(new Dec(1).plus(includedRate.dividedBy(100)));
  const taxAmounts = taxes.map((tax) => {
    const raw = tax.amountType === 'fixed' ? dec(quantity).times(tax.rate) : base.times(tax.rate).dividedBy(100);
    return { taxId: tax.id, amount: roundTo(raw, decimals) };
  });
  const subtotal = includedRate.isZero() ? roundTo(base, decimals) : roundTo(gross, decimals).minus(sumDec(taxAmounts.filter((_t, i) => taxes[i].priceIncluded).map((t) => t.amount)));
  return { subtotal, taxes: taxAmounts, total: subtotal.plus(sumDec(taxAmounts.map((tax) => tax.amount))) };
}

export function taxRules(env: Env, taxIds: readonly number[]): TaxRule[] {
  return taxIds
    .map((id) => env.store.get('account.tax', id))
    .filter((tax) => tax !== undefined)
    .map((tax) => ({ id: tax.id, rate: dec(tax.amount), amountType: String(tax.amount_type || 'percent'), priceIncluded: tax.price_include === true }));
}

export function currencyDecimals(env: Env, currencyId: unknown): number {
  const currency = typeof currencyId === 'number' ? env.store.get('res.currency', currencyId) : undefined;
  return typeof currency?.decimal_places === 'number' ? currency.decimal_places : 2;
}

export function companyCurrencyId(env: Env): number {
  const company = env.store.get('res.company', env.services.settings.companyId);
  return typeof company?.currency_id === 'number' ? company.currency_id : 0;
}
