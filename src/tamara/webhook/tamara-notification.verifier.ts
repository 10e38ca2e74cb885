import { createSecretKey, KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
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

  private async verifyWith(token: string, key: KeyObject): Promise<NotificationVerification> {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat'],
        clockTolerance: this.clockToleranceSeconds,
        maxTokenAge: this.maxTokenAgeSeconds,
        currentDate: this.clock.now(),
      });
      return { ok: true, issuerMatches: payload.iss === EXPECTED_ISSUER };
    } catch (error) {
      return { ok: false, reason: rejectionOf(error) };
    }
  }
}

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

/** jose error codes → our reasons. Codes, not classes: robust to duplicate module instances. */
function rejectionOf(error: unknown): NotificationRejection {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'invalid_signature';
    case 'ERR_JWT_EXPIRED':
      return 'expired';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'wrong_algorithm';
    default:
      return 'malformed';
  }
}
