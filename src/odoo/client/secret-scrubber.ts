/**
 * Removes the Odoo API key (and every earlier key, after a hot reload) from text that leaves the
 * client: error messages, Odoo's messages and tracebacks, log details. Odoo does not normally echo
 * the key, but a builtins.ValueError can quote its arguments, so nothing is trusted.
 */
const REDACTED = '[redacted]';
// "Authorization: bearer <key>" in any echoed header dump.
const BEARER = /\b(bearer)\s+[^\s"',;]+/gi;
const MIN_SECRET_LENGTH = 4;
const MAX_DEPTH = 6;

export class SecretScrubber {
  private readonly secrets = new Set<string>();

  constructor(secrets: readonly string[] = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Registers a secret; keys seen once stay registered, so a rotated-out key is still scrubbed. */
  add(secret: string): void {
    if (secret.length >= MIN_SECRET_LENGTH) this.secrets.add(secret);
  }

  text(value: string): string {
    let out = value;
    // Longest first, so a key that contains another registered key is removed whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out.replace(BEARER, `$1 ${REDACTED}`);
  }

  /** Deep copy with every string scrubbed. */
  data(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth >= MAX_DEPTH) return REDACTED;
    if (Array.isArray(value)) return value.map((item) => this.data(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = this.data(item, depth + 1);
    return out;
  }
}
