import { IssueCollector, isRecord, requiredString, validationError } from './field-issues';

/** `PUT /orders/{order_id}/reference-id` body. */
export function parseUpdateReferenceRequest(body: unknown): string {
  if (!isRecord(body)) throw validationError([{ field: 'body', problem: 'is_invalid', detail: 'must be a JSON object' }]);
  const issues = new IssueCollector();
  const reference = requiredString(body, 'order_reference_id', 'order_reference_id', issues);
  issues.throwIfAny();
  if (reference === undefined) throw new Error('required field missing without an issue');
  return reference;
}
