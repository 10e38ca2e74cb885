import { OdooError, type OdooProtocol } from './odoo-error';
import { errorFromHttpFailure, type OdooCallContext } from './odoo-error.mapper';
import { OdooHttpFailure, type OdooHttp, type OdooHttpRequest, type OdooHttpResponse } from './odoo-http';
import type { OdooClientLogger } from './odoo-client-logger';
import type { OdooServerVersion } from './odoo-version';
import type { Json2MethodSignature, OdooKwargs } from './odoo-types';
import type { SecretScrubber } from './secret-scrubber';

/** One way of reaching Odoo (JSON-RPC or JSON-2). Retries live above it, in the client. */
export interface OdooTransport {
  readonly protocol: OdooProtocol;
  /** An execute_kw-style call; the transport turns it into its own wire form. */
  executeKw(call: OdooKwCall, timeoutMs: number): Promise<unknown>;
  /** The uid the API key acts as (checks the credentials). */
  authenticate(timeoutMs: number): Promise<number>;
  readVersion(timeoutMs: number): Promise<OdooServerVersion>;
}

export interface OdooKwCall {
  model: string;
  method: string;
  args: readonly unknown[];
  kwargs: OdooKwargs;
  json2Signature?: Json2MethodSignature;
}

/** What both transports share. */
export interface OdooTransportDeps {
  http: OdooHttp;
  /** Base URL without trailing slash. */
  baseUrl: string;
  db: string;
  username: string;
  /** Read on every call, so a rotated key is picked up without a restart. */
  apiKey: () => string;
  scrubber: SecretScrubber;
  logger: OdooClientLogger;
  userAgent: string;
}

/** Sends one request; a failure below HTTP becomes a `transport` OdooError. */
export async function sendOdooRequest(deps: OdooTransportDeps, request: OdooHttpRequest, context: OdooCallContext): Promise<OdooHttpResponse> {
  const started = Date.now();
  try {
    const response = await deps.http(request);
    deps.logger.debug('Odoo call answered', { ...context, httpStatus: response.status, durationMs: Date.now() - started });
    return response;
  } catch (error) {
    const failure =
      error instanceof OdooHttpFailure
        ? error
        : // A custom HTTP port that throws something else: keep nothing of it (it may hold the request).
          new OdooHttpFailure('connection_failed', 'UNKNOWN', true);
    const mapped = errorFromHttpFailure(failure, context, request.timeoutMs);
    deps.logger.debug('Odoo call got no answer', { ...context, reason: failure.reason, code: failure.code, durationMs: Date.now() - started });
    throw mapped;
  }
}

/** Logs Odoo's traceback at debug level, scrubbed, and returns the error to throw. */
export function logAndReturn(deps: OdooTransportDeps, mapped: { error: OdooError; traceback?: string }): OdooError {
  if (mapped.traceback) {
    deps.logger.debug('Odoo traceback', { operation: mapped.error.details.operation, traceback: deps.scrubber.text(mapped.traceback) });
  }
  return mapped.error;
}
