import { OdooError } from './odoo-error';
import type { Json2MethodSignature, OdooKwargs } from './odoo-types';

/**
 * From execute_kw's positional form to JSON-2's named form.
 *
 * JSON-RPC `execute_kw(db, uid, key, model, method, args, kwargs)` binds `args` positionally; Odoo
 * takes record ids from `args[0]` unless the method is `@api.model`. JSON-2 `POST
 * /json/2/<model>/<method>` binds only by name: `ids` (must be empty for `@api.model`), `context`,
 * and each parameter by its Python name. So the connector's single `callKw(model, method, args,
 * kwargs)` needs each method's parameter names:
 *
 * - methods in METHOD_SIGNATURES: positional args are renamed with the listed names;
 * - any other method is treated as a record method, as Odoo's execute_kw itself does:
 *   `args` must be `[]` (no ids) or `[ids]`, and every other argument goes in `kwargs`
 *   (pass `json2Signature` per call to name extra positional args).
 * - `kwargs.context` becomes the top-level `context`.
 *
 * Signatures are those of Odoo 19's `odoo/models.py` and `mail.thread`.
 */
export const METHOD_SIGNATURES: Readonly<Record<string, Json2MethodSignature>> = {
  search_read: { binding: 'model', params: ['domain', 'fields', 'offset', 'limit', 'order'] },
  search: { binding: 'model', params: ['domain', 'offset', 'limit', 'order'] },
  search_count: { binding: 'model', params: ['domain', 'limit'] },
  name_search: { binding: 'model', params: ['name', 'domain', 'operator', 'limit'] },
  fields_get: { binding: 'model', params: ['allfields', 'attributes'] },
  // @api.model_create_multi: one dict or a list of dicts.
  create: { binding: 'model', params: ['vals_list'] },
  default_get: { binding: 'model', params: ['fields_list'] },
  context_get: { binding: 'model', params: [] },
  read: { binding: 'record', params: ['fields', 'load'] },
  write: { binding: 'record', params: ['vals'] },
  unlink: { binding: 'record', params: [] },
  copy: { binding: 'record', params: ['default'] },
  // message_post(self, *, body=..., ...): keyword-only, so only ids may be positional.
  message_post: { binding: 'record', params: [] },
  action_post: { binding: 'record', params: [] },
  button_cancel: { binding: 'record', params: [] },
  button_draft: { binding: 'record', params: [] },
  action_confirm: { binding: 'record', params: [] },
  action_cancel: { binding: 'record', params: [] },
  // Wizard actions.
  action_create_payments: { binding: 'record', params: [] },
  refund_moves: { binding: 'record', params: [] },
  reverse_moves: { binding: 'record', params: ['is_modify'] },
  create_invoices: { binding: 'record', params: [] },
};

/** The JSON-2 request body for an execute_kw-style call. */
export function toJson2Body(
  model: string,
  method: string,
  args: readonly unknown[],
  kwargs: OdooKwargs,
  override?: Json2MethodSignature,
): Record<string, unknown> {
  const signature = override ?? METHOD_SIGNATURES[method];
  const operation = `${model}.${method}`;
  const body: Record<string, unknown> = {};
  let positional = [...args];

  const isRecordCall = signature ? signature.binding === 'record' : positional.length > 0;
  if (isRecordCall) {
    if (positional.length === 0) throw mappingBug(operation, 'a record method needs ids as its first argument');
    body.ids = toIds(positional[0], operation);
    positional = positional.slice(1);
  }
  const names = signature?.params ?? [];
  if (positional.length > names.length) {
    throw mappingBug(operation, `${positional.length} positional argument(s) cannot be named for JSON-2; pass them in kwargs`);
  }
  positional.forEach((value, index) => {
    body[names[index]] = value;
  });
  for (const [name, value] of Object.entries(kwargs)) {
    if (name === 'ids') throw mappingBug(operation, '"ids" must be passed positionally');
    if (name in body) throw mappingBug(operation, `argument "${name}" given both positionally and by name`);
    if (value !== undefined) body[name] = value;
  }
  return body;
}

function toIds(value: unknown, operation: string): number[] {
  // execute_kw accepts a bare id as well as a list.
  const ids = typeof value === 'number' ? [value] : value;
  if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id))) {
    throw mappingBug(operation, 'the first positional argument of a record method must be a list of integer ids');
  }
  return ids as number[];
}

function mappingBug(operation: string, what: string): OdooError {
  return new OdooError('bug', `Odoo ${operation}: ${what}`, { operation, protocol: 'json2' });
}
