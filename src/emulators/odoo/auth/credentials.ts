import { randomBytes } from 'node:crypto';
import { accessDenied, missingError } from '../errors';
import type { Env } from '../orm/model-types';

/**
 * Who may call. Passwords and API keys live in private columns (`_password` on res.users,
 * `_key` on res.users.apikeys) that no RPC can read, as Odoo only keeps hashes.
 */
export function newApiKey(): string {
  return randomBytes(20).toString('hex');
}

export function passwordMatches(env: Env, uid: number, password: unknown): boolean {
  const user = env.store.get('res.users', uid);
  return Boolean(user && user.active !== false && typeof password === 'string' && password !== '' && user._password === password);
}

/** res.users.apikeys._check_credentials(scope='rpc'): the owner of a valid global key, if any. */
export function apiKeyOwner(env: Env, key: unknown): number | undefined {
  if (typeof key !== 'string' || key === '') return undefined;
  const today = env.clock.now().toISOString().slice(0, 10);
  const row = env.store
    .all('res.users.apikeys')
    .find((candidate) => candidate._key === key && candidate.scope === false && (candidate.expiration_date === false || String(candidate.expiration_date) >= today));
  const owner = row?.user_id;
  return typeof owner === 'number' ? owner : undefined;
}

function userByLogin(env: Env, login: unknown): number | undefined {
  return env.store.all('res.users').find((user) => user.login === login && user.active !== false)?.id;
}

/** common.authenticate / common.login: the uid, or false (never an error) for bad credentials. */
export function authenticateNonInteractive(env: Env, login: unknown, secret: unknown): number | false {
  const uid = userByLogin(env, login);
  if (uid === undefined) return false;
  if (passwordMatches(env, uid, secret) || apiKeyOwner(env, secret) === uid) return uid;
  return false;
}

/** /web/session/authenticate: interactive login, where API keys are refused. */
export function authenticateInteractive(env: Env, login: unknown, password: unknown): number {
  const uid = userByLogin(env, login);
  if (uid === undefined || !passwordMatches(env, uid, password)) throw accessDenied();
  return uid;
}

/**
 * The object service's `security.check(db, uid, password)`: an unknown uid is a MissingError on
 * res.users (observed), a bad password/key an AccessDenied.
 */
export function checkObjectCredentials(env: Env, uid: unknown, secret: unknown): number {
  const numericUid = typeof uid === 'number' ? uid : Number(uid);
  if (!Number.isInteger(numericUid) || !env.store.has('res.users', numericUid)) {
    throw missingError('res.users', [uid], Number.isInteger(numericUid) ? numericUid : 0);
  }
  if (passwordMatches(env, numericUid, secret) || apiKeyOwner(env, secret) === numericUid) return numericUid;
  throw accessDenied();
}
