import { authenticateNonInteractive, checkObjectCredentials } from '../auth/credentials';
import { accessDenied, keyError, OdooException, typeError, unknownDatabase } from '../errors';
import type { OdooCore } from '../odoo-core';
import { callModelMethod } from '../rpc/model-call';

function arity(name: string, args: readonly unknown[], required: readonly string[], optional: readonly string[] = []): void {
  if (args.length < required.length) {
    const missing = required.slice(args.length).map((param) => `'${param}'`);
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
    throw typeError(`${name}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`);
  }
  const max = required.length + optional.length;
  if (args.length > max) {
    const range = optional.length === 0 ? `${max} positional argument${max === 1 ? '' : 's'}` : `from ${required.length} to ${max} positional arguments`;
    throw typeError(`${name}() takes ${range} but ${args.length} were given`);
  }
}

function checkDatabase(core: OdooCore, db: unknown): void {
  if (db !== core.settings.database) throw unknownDatabase(String(db));
}

function versionInfo(core: OdooCore): Record<string, unknown> {
  return {
    server_version: core.profile.serverVersion,
    server_version_info: core.profile.serverVersionInfo,
    server_serie: core.profile.serverSerie,
    protocol_version: 1,
  };
}

function common(core: OdooCore, method: string, args: readonly unknown[]): unknown {
  switch (method) {
    case 'version':
      return versionInfo(core);
    case 'about':
      arity('exp_about', args, [], ['extended']);
      return args[0] ? ['See http://openerp.com', core.profile.serverVersion] : 'See http://openerp.com';
    case 'login':
      arity('exp_login', args, ['db', 'login', 'password']);
      return authenticate(core, args);
    case 'authenticate':
      arity('exp_authenticate', args, ['db', 'login', 'password', 'user_agent_env']);
      return authenticate(core, args);
    default:
      throw new OdooException('builtins.Exception', `Method not found: ${method}`);
  }
}

/** common.authenticate/login: the uid, or false for bad credentials (never an error), but a missing database is. */
function authenticate(core: OdooCore, args: readonly unknown[]): unknown {
  checkDatabase(core, args[0]);
  if (core.faults.credentialsRevoked()) return false;
  return authenticateNonInteractive(core.env(1, 'jsonrpc'), args[1], args[2]);
}

function object(core: OdooCore, method: string, args: readonly unknown[]): unknown {
  if (method !== 'execute' && method !== 'execute_kw') throw new OdooException('builtins.NameError', `Method not available ${method}`);
  if (method === 'execute_kw') arity('execute_kw', args, ['db', 'uid', 'passwd', 'model', 'method', 'args'], ['kw']);
  else if (args.length < 5) arity('execute', args, ['db', 'uid', 'obj', 'method', 'args']);
  const [db, uid, secret, model, name] = args;
  checkDatabase(core, db);
  const checkedUid = checkObjectCredentials(core.env(1, 'jsonrpc'), uid, secret);
  if (core.faults.credentialsRevoked()) throw accessDenied();
  const positional = method === 'execute_kw' ? args[5] : args.slice(5);
  const keywords = method === 'execute_kw' ? ((args[6] as Record<string, unknown> | null | undefined) ?? {}) : {};
  if (!Array.isArray(positional)) throw typeError(`'${typeof positional}' object is not iterable`);
  if (typeof keywords !== 'object' || Array.isArray(keywords)) throw typeError('argument after ** must be a mapping');
  const { context, ...rest } = keywords as Record<string, unknown>;
  return callModelMethod(core, {
    model: String(model),
    method: String(name),
    uid: checkedUid,
    transport: 'jsonrpc',
    positional,
    keywords: rest,
    context: typeof context === 'object' && context !== null ? (context as Record<string, unknown>) : {},
  });
}

function db(core: OdooCore, method: string, args: readonly unknown[]): unknown {
  switch (method) {
    case 'list':
      return [core.settings.database];
    case 'server_version':
      return core.profile.serverVersion;
    case 'db_exist':
      return args[0] === core.settings.database;
    case 'create_database':
    case 'duplicate_database':
    case 'drop':
      // The emulator serves exactly one pre-created database.
      throw accessDenied();
    default:
      throw new OdooException('builtins.KeyError', method, { arguments: [method] });
  }
}

/** `dispatch_rpc(service, method, args)` for /jsonrpc: an unknown service is a KeyError (recorded). */
export function dispatchRpc(core: OdooCore, service: unknown, method: unknown, args: unknown): unknown {
  const list = Array.isArray(args) ? args : [];
  switch (service) {
    case 'common':
      return common(core, String(method), list);
    case 'object':
      return object(core, String(method), list);
    case 'db':
      return db(core, String(method), list);
    default:
      throw keyError(String(service));
  }
}
