import { createHmac } from 'node:crypto';

/** Lifetime Tamara gives its notification JWTs (the documented sample has exp − iat = 900 s). */
export const NOTIFICATION_TOKEN_LIFETIME_SECONDS = 900;

const HEADER = base64Url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));

/**
 * The `tamaraToken` Tamara attaches to every notification: an HS256 JWT signed with the
 * merchant's notification token whose only claims are `iat`, `exp = iat + 900` and
 * `iss: "Tamara"` — it authenticates the sender but does not bind the body.
 */
export function signNotificationToken(notificationToken: string, issuedAt: Date): string {
  const iat = Math.floor(issuedAt.getTime() / 1000);
  const payload = base64Url(JSON.stringify({ iat, exp: iat + NOTIFICATION_TOKEN_LIFETIME_SECONDS, iss: 'Tamara' }));
  const signature = createHmac('sha256', notificationToken).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/** Appends `tamaraToken=<jwt>` with `?` or `&` as the URL needs (Tamara's doc sample gets this wrong). */
export function withTamaraToken(url: string, token: string): string {
  // Plain concatenation keeps the registered URL byte for byte (a JWT is URL-safe as it is).
  return `${url}${url.includes('?') ? '&' : '?'}tamaraToken=${token}`;
}

function base64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
