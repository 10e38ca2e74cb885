/** The company's default accounts (ids of the recorded Saudi chart of accounts). */
export const DEFAULT_ACCOUNTS = {
  receivable: 11,
  payable: 39,
  vatOutput: 69,
  sales: 147,
  bankSuspense: 162,
  outstandingReceipts: 168,
  outstandingPayments: 169,
} as const;
