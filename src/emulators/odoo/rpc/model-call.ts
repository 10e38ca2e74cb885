import { checkModelAccess } from '../orm/access-rights';
import { bindExecuteKw, bindNamed } from '../orm/method-binding';
import type { MethodDef, TransportKind } from '../orm/model-types';
import { accessError, attributeError, httpNotFound, httpUnprocessable, OdooException, userError } from '../errors';
import type { OdooCore } from '../odoo-core';

export interface ModelCallRequest {
  readonly model: string;
  readonly method: string;
  readonly uid: number;
  readonly transport: Exclude<TransportKind, 'internal'>;
  /** execute_kw style: positional args (ids first for record methods) and keyword args. */
  readonly positional?: readonly unknown[];
  readonly keywords: Readonly<Record<string, unknown>>;
  /** JSON-2 style: explicit ids. */
  readonly ids?: readonly unknown[];
  readonly context: Readonly<Record<string, unknown>>;
}

const READ_METHODS = new Set(['read', 'search', 'search_read', 'search_count', 'fields_get', 'name_search', 'name_get', 'default_get', 'exists', 'check_access_rights', 'has_access', 'check_access', 'context_get']);

function operationOf(method: string): string {
  if (READ_METHODS.has(method)) return 'read';
  if (method === 'create') return 'create';
  if (method === 'unlink') return 'unlink';
  return 'write';
}

/** Odoo's `get_public_method`: private names are refused, unknown ones do not exist. */
function resolveMethod(core: OdooCore, request: ModelCallRequest): MethodDef {
  const { model, method } = request;
  if (!core.registry.has(model)) {
    if (request.transport === 'json2') throw httpNotFound(`the model '${model}' does not exist`);
    throw userError(`Object ${model} doesn't exist`);
  }
  if (method.startsWith('_')) throw accessError(`Private methods (such as '${model}.${method}') cannot be called remotely.`);
  const found = core.registry.model(model).methods.get(method);
  if (!found) {
    const error = attributeError(`The method '${model}.${method}' does not exist`);
    if (request.transport === 'json2') throw httpNotFound(error.message);
    throw error;
  }
  return found;
}

/**
 * One model method call from any transport, as `odoo.service.model.execute_kw` (JSON-RPC and
 * /web/dataset/call_kw) or the JSON-2 controller runs it: resolve, check access, bind the
 * arguments, then run inside a transaction that is rolled back if anything raises.
 */
export function callModelMethod(core: OdooCore, request: ModelCallRequest): unknown {
  const method = resolveMethod(core, request);
  const env = core.env(request.uid, request.transport, request.context);
  checkModelAccess(env, request.model, operationOf(request.method));
  let ids: readonly (number | null)[];
  let args: Readonly<Record<string, unknown>>;
  if (request.transport === 'json2') {
    const given = (request.ids ?? []).map((id) => (typeof id === 'number' ? id : null));
    if (method.binding === 'model' && given.length > 0) throw httpUnprocessable(`cannot call ${request.model}.${request.method} with ids`);
    try {
      args = bindNamed(method, request.keywords);
    } catch (error) {
      if (error instanceof OdooException && error.pythonName === 'builtins.TypeError') throw httpUnprocessable(error.message);
      throw error;
    }
    ids = given;
  } else {
    ({ ids, args } = bindExecuteKw(method, request.positional ?? [], request.keywords));
  }
  const injected = core.faults.callFailure(request.model, request.method);
  if (injected) throw injected;
  const result = core.transaction(() => method.run({ env, model: request.model, ids, args }));
  // JSON-2 returns recordsets as id lists, even for a single created record.
  if (request.transport === 'json2' && method.returnsRecords && typeof result === 'number') return [result];
  return result;
}
