/**
 * Last line of defence for "no log line ever holds a phone number, e-mail, national id, Tamara
 * token or API key" (reliability.md §3.5, I6): every serialized log line passes through this before
 * it is written, whatever path put the value there (a URL query string, an HTTP client's error,
 * a stringified body). Field-level redaction in the logger config catches most cases first.
 */
export function createLogScrubber(secrets: string[]): (line: string) => string {
  const literal = secrets
    .filter((s) => s && s.length >= 6)
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const secretPattern = literal.length ? new RegExp(literal.join('|'), 'g') : null;
  return (line: string) => {
    let out = line;
    if (secretPattern) out = out.replace(secretPattern, '[REDACTED]');
    return out
      .replace(/(tamaraToken=)[^&\s"\\]+/gi, '$1[REDACTED]')
      .replace(/\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]+/g, '[REDACTED_JWT]')
      .replace(/(bearer\s+)[\w\-.~+/=]{8,}/gi, '$1[REDACTED]')
      .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[REDACTED_EMAIL]')
      .replace(/(?<![\w-])(?:\+|00)?(?:966|971|973|965|968)\s?\d{7,9}(?![\w-])/g, '[REDACTED_PHONE]')
      .replace(/(?<![\w-])05\d{8}(?![\w-])/g, '[REDACTED_PHONE]')
      .replace(/(?<![\w.-])5\d{8}(?![\w.-])/g, '[REDACTED_PHONE]')
      .replace(/(?<![\w-])[12]\d{9}(?![\w-])/g, '[REDACTED_ID]');
  };
}
