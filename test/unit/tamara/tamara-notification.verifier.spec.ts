import { generateKeyPair, SignJWT } from 'jose';
import { TamaraNotificationVerifier } from '../../../src/tamara/webhook/tamara-notification.verifier';
import { ManualClock, T0 } from './support/virtual-time';

const CURRENT = 'notification-token-current-8c1f2e';
const PREVIOUS = 'notification-token-previous-77ab0d';
const NOW_S = T0 / 1000;

const key = (secret: string) => new TextEncoder().encode(secret);

/** A token shaped like Tamara's: HS256, {iat, exp: iat + 900, iss: "Tamara"}. */
function tamaraToken(options: { secret?: string; alg?: string; iat?: number; exp?: number | null; iss?: string | null } = {}): Promise<string> {
  const iat = options.iat ?? NOW_S - 5;
  const claims: Record<string, unknown> = { iat };
  if (options.exp !== null) claims.exp = options.exp ?? iat + 900;
  if (options.iss !== null) claims.iss = options.iss ?? 'Tamara';
  return new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' }).sign(key(options.secret ?? CURRENT));
}

function unsignedToken(): string {
  const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iat: NOW_S, exp: NOW_S + 900, iss: 'Tamara' })}.`;
}

describe('TamaraNotificationVerifier', () => {
  const verifier = new TamaraNotificationVerifier([CURRENT, PREVIOUS], { clock: new ManualClock(T0) });

  it('accepts a valid HS256 token from the Authorization header', async () => {
    const token = await tamaraToken();
    await expect(verifier.verify({ authorizationHeader: `Bearer ${token}` })).resolves.toEqual({ ok: true, issuerMatches: true });
  });

  it('accepts the token from the tamaraToken query parameter when there is no header', async () => {
    const token = await tamaraToken();
    await expect(verifier.verify({ queryToken: token })).resolves.toEqual({ ok: true, issuerMatches: true });
  });

  it('accepts the same token in header and query', async () => {
    const token = await tamaraToken();
    await expect(verifier.verify({ authorizationHeader: `bearer  ${token} `, queryToken: token })).resolves.toMatchObject({ ok: true });
  });

  it('accepts a token signed with the previous notification token (rotation)', async () => {
    const token = await tamaraToken({ secret: PREVIOUS });
    await expect(verifier.verify({ authorizationHeader: `Bearer ${token}` })).resolves.toEqual({ ok: true, issuerMatches: true });
  });

  it('reports, but does not reject, an unexpected issuer', async () => {
    await expect(verifier.verify({ queryToken: await tamaraToken({ iss: 'Someone' }) })).resolves.toEqual({ ok: true, issuerMatches: false });
    await expect(verifier.verify({ queryToken: await tamaraToken({ iss: null }) })).resolves.toEqual({ ok: true, issuerMatches: false });
  });

  it('accepts a token within the clock tolerance', async () => {
    const token = await tamaraToken({ iat: NOW_S - 950, exp: NOW_S - 50 });
    await expect(verifier.verify({ queryToken: token })).resolves.toMatchObject({ ok: true });
  });

  it('ignores a non-Bearer Authorization header and falls back to the query', async () => {
    const token = await tamaraToken();
    await expect(verifier.verify({ authorizationHeader: 'Basic dXNlcjpwYXNz', queryToken: token })).resolves.toMatchObject({ ok: true });
  });

  describe('rejects', () => {
    it.each([
      ['no token at all', {}],
      ['empty values', { authorizationHeader: '', queryToken: '' }],
      ['a bare "Bearer"', { authorizationHeader: 'Bearer ' }],
    ])('%s as missing_token', async (_name, credentials) => {
      await expect(verifier.verify(credentials)).resolves.toEqual({ ok: false, reason: 'missing_token' });
    });

    it('a header token that differs from the query token as token_mismatch', async () => {
      const header = await tamaraToken();
      const query = await tamaraToken({ iat: NOW_S - 10 });
      await expect(verifier.verify({ authorizationHeader: `Bearer ${header}`, queryToken: query })).resolves.toEqual({ ok: false, reason: 'token_mismatch' });
    });

    it('alg "none" as wrong_algorithm', async () => {
      await expect(verifier.verify({ queryToken: unsignedToken() })).resolves.toEqual({ ok: false, reason: 'wrong_algorithm' });
    });

    it('HS512 (same key) as wrong_algorithm', async () => {
      await expect(verifier.verify({ queryToken: await tamaraToken({ alg: 'HS512' }) })).resolves.toEqual({ ok: false, reason: 'wrong_algorithm' });
    });

    it('RS256 as wrong_algorithm', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const token = await new SignJWT({ iat: NOW_S, exp: NOW_S + 900, iss: 'Tamara' }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
      await expect(verifier.verify({ queryToken: token })).resolves.toEqual({ ok: false, reason: 'wrong_algorithm' });
    });

    it('a token signed with another key as invalid_signature', async () => {
      await expect(verifier.verify({ queryToken: await tamaraToken({ secret: 'not-our-notification-token' }) })).resolves.toEqual({ ok: false, reason: 'invalid_signature' });
    });

    it('a tampered payload as invalid_signature', async () => {
      const [header, , signature] = (await tamaraToken()).split('.');
      const forged = Buffer.from(JSON.stringify({ iat: NOW_S, exp: NOW_S + 9000, iss: 'Tamara' })).toString('base64url');
      await expect(verifier.verify({ queryToken: `${header}.${forged}.${signature}` })).resolves.toEqual({ ok: false, reason: 'invalid_signature' });
    });

    it('an expired token (beyond the 60 s tolerance) as expired', async () => {
      const token = await tamaraToken({ iat: NOW_S - 1000, exp: NOW_S - 61 });
      await expect(verifier.verify({ queryToken: token })).resolves.toEqual({ ok: false, reason: 'expired' });
    });

    it('an iat older than 15 min (+ tolerance) as expired, even with a far exp', async () => {
      const token = await tamaraToken({ iat: NOW_S - 961, exp: NOW_S + 3600 });
      await expect(verifier.verify({ queryToken: token })).resolves.toEqual({ ok: false, reason: 'expired' });
    });

    it('an expired token signed with the previous key as expired', async () => {
      const token = await tamaraToken({ secret: PREVIOUS, iat: NOW_S - 2000, exp: NOW_S - 1100 });
      await expect(verifier.verify({ queryToken: token })).resolves.toEqual({ ok: false, reason: 'expired' });
    });

    it('a token without exp as malformed', async () => {
      await expect(verifier.verify({ queryToken: await tamaraToken({ exp: null }) })).resolves.toEqual({ ok: false, reason: 'malformed' });
    });

    it('a token without iat as malformed', async () => {
      const token = await new SignJWT({ exp: NOW_S + 900, iss: 'Tamara' }).setProtectedHeader({ alg: 'HS256' }).sign(key(CURRENT));
      await expect(verifier.verify({ queryToken: token })).resolves.toEqual({ ok: false, reason: 'malformed' });
    });

    it.each(['garbage', 'a.b.c', 'x'.repeat(5000)])('a non-JWT (%#) as malformed', async (token) => {
      await expect(verifier.verify({ queryToken: token })).resolves.toEqual({ ok: false, reason: 'malformed' });
    });

    it('never echoes the token in the result', async () => {
      const token = await tamaraToken({ secret: 'wrong' });
      const result = await verifier.verify({ authorizationHeader: `Bearer ${token}` });
      expect(JSON.stringify(result)).not.toContain(token.split('.')[2]);
    });
  });

  it('refuses to be built without a notification token', () => {
    expect(() => new TamaraNotificationVerifier([])).toThrow(/notification token is required/);
    expect(() => new TamaraNotificationVerifier(['', '  '])).toThrow(/notification token is required/);
  });
});
