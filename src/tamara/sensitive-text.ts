/**
 * Scrubbing for anything that leaves the client as text (error messages, error details, logs).
 * Tamara's error messages may echo what we sent (a phone number, an e-mail), so they are never
 * passed on verbatim.
 */
const REDACTED = '[redacted]';
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+/g;
// 7+ digits, optionally "+"-prefixed and single-space separated; not part of a UUID or word.
const PHONE_LIKE = /(?<![\w-])\+?\d(?: ?\d){6,}(?![\w-])/g;
const SENSITIVE_KEY = /phone|e-?mail|national|consumer|address|first_name|last_name|birth|token|authorization|secret|password/i;
// Identifiers (webhook_id, order_id, …) are not personal and must survive intact to be usable.
const IDENTIFIER_KEY = /(^|_)id$/i;
const MAX_TEXT_LENGTH = 300;
const MAX_DEPTH = 5;

/** Removes the given secrets, e-mail addresses and phone-like digit runs; truncates. */
export function redactSensitiveText(text: string, secrets: readonly string[] = []): string {
  const out = removeSecrets(text, secrets).replace(EMAIL, REDACTED).replace(PHONE_LIKE, REDACTED);
  return out.length > MAX_TEXT_LENGTH ? `${out.slice(0, MAX_TEXT_LENGTH)}…` : out;
}

function removeSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** Deep copy of provider-supplied error data with personal fields and secrets removed. */
export function redactSensitiveData(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactSensitiveText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactSensitiveData(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SENSITIVE_KEY.test(key)) out[key] = REDACTED;
    else if (IDENTIFIER_KEY.test(key) && typeof v === 'string') out[key] = removeSecrets(v, secrets);
    else out[key] = redactSensitiveData(v, secrets, depth + 1);
  }
  return out;
}
