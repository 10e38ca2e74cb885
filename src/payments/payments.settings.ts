/** The part of the configuration the payments core needs (kept small so tests can build it). */
export abstract class PaymentsSettings {
  abstract readonly pollIntervalSeconds: number;
  abstract readonly expiryGraceSeconds: number;
  abstract readonly linkExpiryMinutes: number;
  abstract readonly leaseSeconds: number;
  abstract readonly batchSize: number;
  abstract readonly defaultStoreCode?: string;
  abstract readonly locale: 'ar_SA' | 'en_US';
  abstract readonly paymentType: 'PAY_BY_INSTALMENTS' | 'PAY_NOW';
  abstract readonly defaultPhoneCountry: 'SA' | 'AE' | 'BH' | 'KW' | 'OM';
  /** Upper bound of one Tamara call, used to lease a link while a create is in flight. */
  abstract readonly tamaraTimeoutMs: number;
  /** Each link is an SMS to a real person: a cap per document stops loops (and SMS bombing). */
  abstract readonly linksPerDocumentPerDay: number;
}
