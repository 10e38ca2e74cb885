/**
 * The order_reference_id sent to Tamara: the document's reference plus the attempt number,
 * deterministic so that a crash before we stored Tamara's order_id can be recovered by looking the
 * order up by this reference (and never by creating a second order).
 *
 * Characters outside [A-Za-z0-9_.-] become "-": the reference travels in a URL path
 * (GET /merchants/orders/reference-id/{ref}) and encoded slashes are refused by many proxies.
 * "INV/2026/00001", attempt 2 → "INV-2026-00001-2".
 */
export function buildOrderReferenceId(documentReference: string, attempt: number): string {
  const safe = documentReference.trim().replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe || 'DOC'}-${attempt}`;
}
