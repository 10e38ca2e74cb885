import { createHmac, createSecretKey, KeyObject, timingSafeEqual } from 'node:crypto';
import { Clock, SystemClock } from '../../shared/time/clock';

export type NotificationRejection =
  | 'missing_token'
  | 'token_mismatch'
  | 'invalid_signature'
  | 'expired'
  | 'malformed'
  | 'wrong_algorithm';

/** Never carries the token. `issuerMatches` is reported only: Tamara's `iss` is observed, not documented. */
export type NotificationVerification = { ok: true; issuerMatches: boolean } | { ok: false; reason: NotificationRejection };

export interface NotificationCredentials {
  /** Raw `Authorization` header value. */
  authorizationHeader?: string | null;
  /** `tamaraToken` query parameter. */
  queryToken?: string | null;
}

export interface TamaraNotificationVerifierOptions {
  clock?: Clock;
  /** Default 60 s. */
  clockToleranceSeconds?: number;
  /** Age limit from `iat`; Tamara issues tokens valid for 900 s. Default 900 s. */
  maxTokenAgeSeconds?: number;
}

const EXPECTED_ISSUER = 'Tamara';
// Tamara's tokens are ~170 characters; anything far larger is not one of them.
const MAX_TOKEN_LENGTH = 4096;
// Reasons that do not depend on the key: trying the next key cannot change them.
const KEY_INDEPENDENT: ReadonlySet<NotificationRejection> = new Set(['malformed', 'wrong_algorithm']);

/**
 * Authenticates Tamara webhook calls: an HS256 JWT signed with the merchant's notification token,
 * sent as `Authorization: Bearer …` and as `?tamaraToken=…`. Several accepted tokens allow
 * rotation (current + previous). The JWT carries only iat/exp/iss, so it authenticates the sender
 * but not the body — callers must treat the body as a hint and re-read the order.
 */
export class TamaraNotificationVerifier {
  private readonly keys: KeyObject[];
  private readonly clock: Clock;
  private readonly clockToleranceSeconds: number;
  private readonly maxTokenAgeSeconds: number;
  private readonly verified = new Map<string, { exp: number; iat: number; issuerMatches: boolean }>();

  constructor(notificationTokens: readonly string[], options: TamaraNotificationVerifierOptions = {}) {
    const tokens = notificationTokens.map((t) => t.trim()).filter((t) => t !== '');
    if (tokens.length === 0) {
      // Fail closed: without a key every webhook would have to be either trusted or refused.
      throw new Error('At least one Tamara notification token is required to verify webhooks');
    }
    // KeyObjects are built once: importing a raw key on every verification costs more than the HMAC itself.
    this.keys = tokens.map((t) => createSecretKey(Buffer.from(t, 'utf8')));
    this.clock = options.clock ?? new SystemClock();
    this.clockToleranceSeconds = options.clockToleranceSeconds ?? 60;
    this.maxTokenAgeSeconds = options.maxTokenAgeSeconds ?? 900;
  }

  async verify(credentials: NotificationCredentials): Promise<NotificationVerification> {
    const token = selectToken(credentials);
    if (!token.ok) return token;
    if (token.value.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
    const cached = this.verified.get(token.value);
    if (cached) {
      // Same token string, already verified with one of our keys: only time can have changed.
      const timing = this.checkTimes(cached.exp, cached.iat);
      return timing ?? { ok: true, issuerMatches: cached.issuerMatches };
    }

    let rejection: NotificationRejection = 'invalid_signature';
    for (const key of this.keys) {
      const outcome = await this.verifyWith(token.value, key);
      if (outcome.ok) return outcome;
      // A time or claim failure means the signature matched this key: that is the real answer.
      if (outcome.reason !== 'invalid_signature') rejection = outcome.reason;
      if (KEY_INDEPENDENT.has(outcome.reason)) break;
    }
    return { ok: false, reason: rejection };
  }

  /**
   * HS256 verification with node:crypto's synchronous HMAC (WebCrypto's asynchronous job, which
   * jose's jwtVerify uses, costs more than everything else in a webhook's intake), then the claims
   * with the same rules jwtVerify applies: algorithm pinned, `exp` and `iat` required, clock
   * tolerance, maximum age from `iat`, no `crit` or `b64` header extensions.
   */
  private async verifyWith(token: string, key: KeyObject): Promise<NotificationVerification> {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((p) => !BASE64URL.test(p))) return { ok: false, reason: 'malformed' };
    const header = decodeSegment(parts[0]);
    const payload = decodeSegment(parts[1]);
    if (!header || !payload) return { ok: false, reason: 'malformed' };
    if (header.alg !== 'HS256') return { ok: false, reason: 'wrong_algorithm' };
    if (header.crit !== undefined || header.b64 !== undefined) return { ok: false, reason: 'malformed' };
    const expected = createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest();
    const given = Buffer.from(parts[2], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid_signature' };
    const { exp, iat } = payload;
    if (typeof exp !== 'number' || typeof iat !== 'number' || !Number.isFinite(exp) || !Number.isFinite(iat)) {
      return { ok: false, reason: 'malformed' };
    }
    const now = Math.floor(this.clock.now().getTime() / 1000);
    if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > now + this.clockToleranceSeconds)) return { ok: false, reason: 'malformed' };
    const timing = this.checkTimes(exp, iat);
    if (timing) return timing;
    const issuerMatches = payload.iss === EXPECTED_ISSUER;
    this.remember(token, { exp, iat, issuerMatches });
    return { ok: true, issuerMatches };
  }

  private checkTimes(exp: number, iat: number): NotificationVerification | undefined {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const tolerance = this.clockToleranceSeconds;
    if (now >= exp + tolerance) return { ok: false, reason: 'expired' };
    if (iat > now + tolerance) return { ok: false, reason: 'malformed' };
    if (now - iat > this.maxTokenAgeSeconds + tolerance) return { ok: false, reason: 'expired' };
    return undefined;
  }

  /**
   * Tamara sends the same token in the header and the query, and redeliveries and bursts within a
   * token's 15 minutes repeat it: a verified token is remembered (bounded, oldest evicted) so the
   * signature is checked once. Its times are still checked on every use.
   */
  private remember(token: string, claims: { exp: number; iat: number; issuerMatches: boolean }): void {
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, claims);
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A JWT segment as a JSON object, or undefined when it is not one. */
function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
const VERIFIED_CACHE_SIZE = 1024;

function selectToken(credentials: NotificationCredentials): { ok: true; value: string } | { ok: false; reason: NotificationRejection } {
  const fromHeader = bearerToken(credentials.authorizationHeader);
  const fromQuery = credentials.queryToken?.trim() || undefined;
  if (fromHeader !== undefined && fromQuery !== undefined && fromHeader !== fromQuery) {
    return { ok: false, reason: 'token_mismatch' };
  }
  const token = fromHeader ?? fromQuery;
  return token === undefined ? { ok: false, reason: 'missing_token' } : { ok: true, value: token };
}

/** The token of a `Bearer` authorization; other schemes (e.g. a custom registered header) are ignored. */
function bearerToken(header: string | null | undefined): string | undefined {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : undefined;
}
