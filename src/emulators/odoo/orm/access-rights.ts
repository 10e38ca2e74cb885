import { accessError } from '../errors';
import type { Env } from './model-types';

/** res.groups id of "User types / Internal User" (base.group_user), as in the recorded database. */
export const INTERNAL_USER_GROUP_ID = 1;

const VERBS: Record<string, string> = { read: 'access', write: 'modify', create: 'create', unlink: 'delete' };
const DEFAULT_GROUPS = ['Administration/Settings'];

/**
 * Model-level access rights, simplified to what the connector can meet: OdooBot, the admin and
 * any user in the Internal User group have every right; a user without groups (a "share" user,
 * like the recorded `tamara_bot`) may only read the few public models and gets Odoo's AccessError
 * text for everything else.
 */
export function hasModelAccess(env: Env, model: string, operation: string): boolean {
  if (isInternalUser(env, env.uid)) return true;
  const access = env.registry.has(model) ? env.registry.model(model).def.access : undefined;
  return operation === 'read' && Boolean(access?.publicRead);
}

export function checkModelAccess(env: Env, model: string, operation: string): void {
  if (hasModelAccess(env, model, operation)) return;
  const access = env.registry.model(model).def.access;
  const reported = access?.reportAs ?? model;
  const reportedOperation = access?.reportAs ? 'read' : operation;
  const reportedDef = env.registry.has(reported) ? env.registry.model(reported).def : env.registry.model(model).def;
  const groups = reportedDef.access?.readGroups ?? DEFAULT_GROUPS;
  throw accessError(
    `You are not allowed to ${VERBS[reportedOperation] ?? 'access'} '${reportedDef.description}' (${reported}) records.\n\n` +
      'This operation is allowed for the following groups:\n' +
      groups.map((group) => `\t- ${group}`).join('\n') +
      '\n\nContact your administrator to request access if necessary.',
  );
}

export function isInternalUser(env: Env, uid: number): boolean {
  if (uid === 1) return true;
  const user = env.store.get('res.users', uid);
  const groups = (user?.groups_id as number[] | undefined) ?? [];
  return groups.includes(INTERNAL_USER_GROUP_ID);
}
