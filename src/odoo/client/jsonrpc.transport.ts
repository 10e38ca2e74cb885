import { z } from 'zod';
import { OdooError, isOdooError } from './odoo-error';
import {
  errorFromHttpStatus,
  errorFromJsonRpcEnvelope,
  errorFromNonJsonBody,
  invalidResponse,
  parseJsonOrUndefined,
  type OdooCallContext,
} from './odoo-error.mapper';
import { commonVersionResultSchema, parseOdooVersion, type OdooServerVersion } from './odoo-version';
import { logAndReturn, sendOdooRequest, type OdooKwCall, type OdooTransport, type OdooTransportDeps } from './odoo-transport';

const responseEnvelope = z.looseObject({
  jsonrpc: z.literal('2.0').optional(),
  id: z.union([z.number(), z.string(), z.null()]).optional(),
  error: z.unknown().optional(),
});

/**
 * Classic `POST /jsonrpc` (Odoo 8 → 21): `common.authenticate` once for a uid, then
 * `object.execute_kw(db, uid, key, model, method, args[, kwargs])` per call. Application errors
 * come back inside HTTP 200.
 */
export class JsonRpcTransport implements OdooTransport {
  readonly protocol = 'jsonrpc' as const;
  private requestCounter = 0;
  /** The uid from common.authenticate, in flight or settled. */
  private login: Promise<number> | undefined;

  constructor(private readonly deps: OdooTransportDeps) {}

  async readVersion(timeoutMs: number): Promise<OdooServerVersion> {
    const context: OdooCallContext = { operation: 'common.version', protocol: this.protocol };
    const result = commonVersionResultSchema.safeParse(await this.call('common', 'version', [], context, timeoutMs));
    const version = result.success
      ? parseOdooVersion(result.data.server_version_info, result.data.server_version, result.data.server_serie)
      : undefined;
    if (!version) throw invalidResponse(context, 'common.version returned no readable version');
    return version;
  }

  authenticate(timeoutMs: number): Promise<number> {
    return this.currentLogin(timeoutMs);
  }

  async executeKw(call: OdooKwCall, timeoutMs: number): Promise<unknown> {
    const context: OdooCallContext = { operation: `${call.model}.${call.method}`, protocol: this.protocol };
    let reauthenticated = false;
    for (;;) {
      const login = this.currentLogin(timeoutMs);
      const uid = await this.uidForCall(login);
      // execute_kw's kwargs is optional; leaving it out when empty is what Odoo's own clients send.
      const args: unknown[] = [this.deps.db, uid, this.deps.apiKey(), call.model, call.method, call.args];
      if (Object.keys(call.kwargs).length > 0) args.push(call.kwargs);
      try {
        return await this.call('object', 'execute_kw', args, context, timeoutMs);
      } catch (error) {
        // The credential check runs before the method, so nothing was executed: a second try after
        // a fresh login (e.g. the key was rotated) is safe even for writes. Only once, though.
        if (!reauthenticated && isOdooError(error) && this.credentialsRejected(error, uid)) {
          reauthenticated = true;
          // Only drop the login this call used; a concurrent caller may already have a fresh one.
          if (this.login === login) this.login = undefined;
          this.deps.logger.warn('Odoo rejected the cached login; authenticating again once', { operation: context.operation, kind: error.kind });
          continue;
        }
        throw error;
      }
    }
  }

  private async authenticateOnce(timeoutMs: number): Promise<number> {
    const context: OdooCallContext = { operation: 'common.authenticate', protocol: this.protocol };
    const { db, username } = this.deps;
    // The 4th argument (user_agent_env) is required positionally (transcript 017).
    const result = await this.call('common', 'authenticate', [db, username, this.deps.apiKey(), {}], context, timeoutMs);
    if (result === false) {
      // Odoo answers `false`, not an error, for a wrong key or an unknown login.
      throw new OdooError('access_denied', `Odoo refused the API key of user "${username}" on database "${db}"`, {
        ...context,
        httpStatus: 200,
      });
    }
    if (typeof result !== 'number' || !Number.isInteger(result) || result <= 0) {
      throw invalidResponse(context, 'authenticate returned neither a uid nor false', 200);
    }
    return result;
  }

  /** The cached login, or a new one; concurrent callers share it so one authenticate serves all. */
  private currentLogin(timeoutMs: number): Promise<number> {
    if (!this.login) {
      const login = this.authenticateOnce(timeoutMs);
      this.login = login;
      login.catch(() => {
        if (this.login === login) this.login = undefined;
      });
    }
    return this.login;
  }

  private async uidForCall(login: Promise<number>): Promise<number> {
    try {
      return await login;
    } catch (error) {
      // The model call itself was never sent, whatever happened to the login.
      if (isOdooError(error) && error.details.outcomeUnknown) throw error.withDetails({ outcomeUnknown: false });
      throw error;
    }
  }

  /**
   * AccessDenied, or — a stale uid with a valid key — MissingError on the user record itself:
   * "Record does not exist or has been deleted. (Record: res.users(999,), User: 999)" (transcript 020).
   */
  private credentialsRejected(error: OdooError, uid: number): boolean {
    if (error.kind === 'access_denied') return true;
    const message = error.details.odooMessage ?? '';
    return error.kind === 'missing_record' && message.includes(`res.users(${uid},)`) && message.includes(`User: ${uid})`);
  }

  private async call(service: string, method: string, args: unknown[], context: OdooCallContext, timeoutMs: number): Promise<unknown> {
    const id = ++this.requestCounter;
    const response = await sendOdooRequest(
      this.deps,
      {
        method: 'POST',
        url: `${this.deps.baseUrl}/jsonrpc`,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'User-Agent': this.deps.userAgent },
        body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { service, method, args }, id }),
        timeoutMs,
      },
      context,
    );
    const body = parseJsonOrUndefined(response.body);
    if (body === undefined) {
      throw response.status === 200 ? errorFromNonJsonBody(response.status, context) : errorFromHttpStatus(response.status, context);
    }
    const envelope = responseEnvelope.safeParse(body);
    if (!envelope.success) {
      throw response.status === 200 ? invalidResponse(context, 'the answer is not a JSON-RPC envelope', 200) : errorFromHttpStatus(response.status, context);
    }
    // Odoo echoes the id, except for errors raised before dispatch ("Session expired": id null).
    const echoed = envelope.data.id;
    const idMatches = echoed === id || (echoed === null && envelope.data.error !== undefined);
    if (!idMatches) throw invalidResponse(context, `the answer is for JSON-RPC id ${JSON.stringify(echoed)}, not ${id}`, response.status);
    if (envelope.data.error !== undefined) {
      throw logAndReturn(this.deps, errorFromJsonRpcEnvelope(envelope.data.error, context, this.deps.scrubber, response.status));
    }
    if (response.status !== 200) throw errorFromHttpStatus(response.status, context);
    // A method returning None yields an envelope without "result" (transcript 155).
    return 'result' in envelope.data ? envelope.data.result : null;
  }
}
