import { z } from 'zod';
import { toJson2Body } from './json2-call-mapping';
import {
  errorFromHttpStatus,
  errorFromJson2Response,
  errorFromNonJsonBody,
  invalidResponse,
  parseJsonOrUndefined,
  type OdooCallContext,
} from './odoo-error.mapper';
import { parseOdooVersion, webVersionResultSchema, type OdooServerVersion } from './odoo-version';
import { logAndReturn, sendOdooRequest, type OdooKwCall, type OdooTransport, type OdooTransportDeps } from './odoo-transport';

const contextGetResult = z.looseObject({ uid: z.number().int().positive() });

/**
 * Odoo 19's `POST /json/2/<model>/<method>`: stateless, `Authorization: bearer <key>`, named
 * arguments, real HTTP statuses. Positional execute_kw calls are renamed by json2-call-mapping.ts.
 */
export class Json2Transport implements OdooTransport {
  readonly protocol = 'json2' as const;

  constructor(private readonly deps: OdooTransportDeps) {}

  async executeKw(call: OdooKwCall, timeoutMs: number): Promise<unknown> {
    const context: OdooCallContext = { operation: `${call.model}.${call.method}`, protocol: this.protocol };
    const { context: callContext, ...namedKwargs } = call.kwargs;
    const body = toJson2Body(call.model, call.method, call.args, namedKwargs, call.json2Signature);
    if (callContext !== undefined) body.context = callContext;
    const response = await sendOdooRequest(
      this.deps,
      {
        method: 'POST',
        url: `${this.deps.baseUrl}/json/2/${encodeURIComponent(call.model)}/${encodeURIComponent(call.method)}`,
        headers: {
          Authorization: `bearer ${this.deps.apiKey()}`,
          'X-Odoo-Database': this.deps.db,
          'Content-Type': 'application/json; charset=utf-8',
          Accept: 'application/json',
          'User-Agent': this.deps.userAgent,
        },
        body: JSON.stringify(body),
        timeoutMs,
      },
      context,
    );
    if (response.status < 200 || response.status >= 300) {
      throw logAndReturn(this.deps, errorFromJson2Response(response.status, response.body, context, this.deps.scrubber));
    }
    // A method returning None answers `null`; treat an empty body the same way.
    if (response.body.trim() === '') return null;
    const result = parseJsonOrUndefined(response.body);
    if (result === undefined) throw errorFromNonJsonBody(response.status, context);
    return result;
  }

  /** JSON-2 has no login; `res.users/context_get` is the cheapest call that proves the key works. */
  async authenticate(timeoutMs: number): Promise<number> {
    const result = contextGetResult.safeParse(await this.executeKw({ model: 'res.users', method: 'context_get', args: [], kwargs: {} }, timeoutMs));
    if (!result.success) throw invalidResponse({ operation: 'res.users.context_get', protocol: this.protocol }, 'context_get returned no uid');
    return result.data.uid;
  }

  /** `GET /web/version` (no authentication), the JSON-2 era replacement of common.version. */
  async readVersion(timeoutMs: number): Promise<OdooServerVersion> {
    const context: OdooCallContext = { operation: 'GET /web/version', protocol: this.protocol };
    const response = await sendOdooRequest(
      this.deps,
      {
        method: 'GET',
        url: `${this.deps.baseUrl}/web/version`,
        headers: { Accept: 'application/json', 'User-Agent': this.deps.userAgent },
        timeoutMs,
      },
      context,
    );
    if (response.status !== 200) throw errorFromHttpStatus(response.status, context);
    const body = parseJsonOrUndefined(response.body);
    if (body === undefined) throw errorFromNonJsonBody(response.status, context);
    const parsed = webVersionResultSchema.safeParse(body);
    const version = parsed.success ? parseOdooVersion(parsed.data.version_info, parsed.data.version) : undefined;
    if (!version) throw invalidResponse(context, '/web/version returned no readable version', response.status);
    return version;
  }
}
