import { IssueCollector, isRecord, optionalString, requiredString, validationError } from './field-issues';
import { MoneyInput, readMoney } from './money-field';

/** A well-formed `POST /payments/simplified-refund/{order_id}` body; currency rules need the order. */
export interface RefundRequestDraft {
  totalAmount: MoneyInput;
  comment: string;
  merchantRefundId: string | undefined;
}

export function parseRefundRequest(body: unknown): RefundRequestDraft {
  if (!isRecord(body)) throw validationError([{ field: 'body', problem: 'is_invalid', detail: 'must be a JSON object' }]);
  const issues = new IssueCollector();
  const totalAmount = readMoney(body, 'total_amount', 'total_amount', issues, { required: true, positive: true });
  const comment = requiredString(body, 'comment', 'comment', issues);
  const merchantRefundId = optionalString(body, 'merchant_refund_id', 'merchant_refund_id', issues);
  issues.throwIfAny();
  if (!totalAmount || comment === undefined) throw new Error('required fields missing without an issue');
  return { totalAmount, comment, merchantRefundId: merchantRefundId === '' ? undefined : merchantRefundId };
}
