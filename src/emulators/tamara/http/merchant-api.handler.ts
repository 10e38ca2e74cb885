import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { MERCHANT_ROUTES } from '../api/merchant-routes';
import type { EmulatorCore } from '../emulator-core';
import type { FaultRule } from '../faults/fault-rule';
import { TamaraApiError, TamaraErrors, errorEnvelope } from '../tamara-api-error';
import { deepMerge } from './json-patch';
import { parseRequestJson, stringifyJson, toPlainJson } from './json-codec';
import { headersWithoutAuthorization, queryRecord, send, sendJsonText } from './http-io';

/** What the emulator is about to answer, before post-commit faults reshape it. */
interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type WithheldTimers = Set<NodeJS.Timeout>;

/**
 * One merchant API call: route → authenticate → parse → pre-call faults → operation →
 * webhooks → post-commit faults → answer. Every call is recorded (without the Authorization
 * header), including refused ones.
 */
export class MerchantApiHandler {
  constructor(
    private readonly core: EmulatorCore,
    private readonly withheld: WithheldTimers,
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse, url: URL, rawBody: string): Promise<void> {
    const method = request.method ?? 'GET';
    let parsedBody: unknown;
    let bodyIsJson = true;
    if (rawBody.trim() !== '') {
      try {
        parsedBody = parseRequestJson(rawBody);
      } catch {
        bodyIsJson = false;
      }
    }
    const record = (status: number, route: string | null, fault?: string) =>
      this.core.records.calls.push({
        at: this.core.clock.now().toISOString(),
        method,
        path: url.pathname,
        query: queryRecord(url.searchParams),
        headers: headersWithoutAuthorization(request),
        body: !bodyIsJson ? rawBody : parsedBody === undefined ? null : toPlainJson(parsedBody),
        status,
        route,
        ...(fault ? { fault } : {}),
      });
    const refuse = (error: TamaraApiError, route: string | null, fault?: string) => {
      record(error.httpStatus, route, fault);
      sendJsonText(response, error.httpStatus, stringifyJson(error.toEnvelope()), { ...error.headers });
    };

    const match = MERCHANT_ROUTES.match(method, url.pathname);
    if (match.kind === 'not_found') return refuse(TamaraErrors.routeNotFound(method, url.pathname), null);
    if (match.kind === 'wrong_method') return refuse(TamaraErrors.methodNotAllowed(method, url.pathname), null);
    const { route } = match.target;
    if (!this.isAuthorised(request.headers.authorization)) return refuse(TamaraErrors.unauthorized(), route);
    if (!bodyIsJson) return refuse(TamaraErrors.invalidJson(), route);

    const { faults } = this.core;
    const latency = faults.take('latency', route);
    if (latency) await sleep(latency.ms);
    const httpError = faults.take('http_error', route);
    if (httpError) return this.answerHttpError(response, httpError, (status) => record(status, route, 'http_error'));
    const rateLimit = faults.take('rate_limit', route);
    if (rateLimit) return refuse(TamaraErrors.tooManyRequests(rateLimit.retryAfterSeconds), route, 'rate_limit');

    const webhookFirst = faults.take('webhook_before_response', route);
    const result = this.core.run(() => {
      // Expiry is applied lazily on every call, whatever the endpoint.
      this.core.lifecycle.expireDue();
      const body = match.target.handle({ params: match.params, query: url.searchParams, body: parsedBody }, this.core);
      if (webhookFirst && route === 'in_store_session') this.actAsCustomer(body, webhookFirst.outcome ?? 'pay');
      return body;
    });
    await this.core.deliver(result.events, webhookFirst ? 'before_answer' : 'configured');
    if (!result.outcome.ok) {
      if (result.outcome.error instanceof TamaraApiError) return refuse(result.outcome.error, route);
      throw result.outcome.error;
    }
    return this.answerSuccess(response, { status: 200, body: result.outcome.value }, route, (status, fault) => record(status, route, fault));
  }

  private isAuthorised(header: string | undefined): boolean {
    const match = /^Bearer (.+)$/.exec(header ?? '');
    const token = match?.[1];
    if (!token || token.trim() === '') return false;
    const accepted = this.core.options.apiTokens;
    // Compared as sent: a token pasted with a stray newline or space is refused, like Tamara does.
    return accepted.length === 0 || accepted.includes(token);
  }

  /** `webhook_before_response` on create: the customer acts before the merchant hears back. */
  private actAsCustomer(body: unknown, outcome: 'pay' | 'decline' | 'cancel' | 'none'): void {
    const orderId = (body as { order_id: string }).order_id;
    if (outcome === 'pay') this.core.lifecycle.pay(orderId);
    else if (outcome === 'decline') this.core.lifecycle.decline(orderId);
    else if (outcome === 'cancel') this.core.lifecycle.cancelByCustomer(orderId);
  }

  private answerHttpError(response: ServerResponse, fault: Extract<FaultRule, { kind: 'http_error' }>, record: (status: number) => void): void {
    record(fault.status);
    const body = fault.body ?? 'envelope';
    if (body === 'empty') return send(response, fault.status, '');
    if (body === 'html') {
      return send(response, fault.status, `<html><body><h1>${fault.status}</h1></body></html>`, { 'Content-Type': 'text/html' });
    }
    const envelope = fault.status >= 500 ? TamaraErrors.serverError(fault.status).toEnvelope() : errorEnvelope('Injected error', [{ error_code: 'injected_error' }]);
    sendJsonText(response, fault.status, stringifyJson(envelope));
  }

  /** Applies the post-commit faults (the operation already took effect) and answers. */
  private answerSuccess(response: ServerResponse, answer: Answer, route: string, record: (status: number, fault?: string) => void): void {
    const { faults } = this.core;
    let body = answer.body;
    const applied: string[] = [];
    if (route === 'get_order') {
      const unknownStatus = faults.take('unknown_status', route);
      if (unknownStatus) {
        body = { ...(body as Record<string, unknown>), status: unknownStatus.status ?? 'on_hold' };
        applied.push('unknown_status');
      }
    }
    const patch = faults.take('response_patch', route);
    if (patch) {
      body = deepMerge(body, patch.patch);
      applied.push('response_patch');
    }
    let text = stringifyJson(body);
    if (faults.take('malformed_json', route)) {
      text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      applied.push('malformed_json');
    }
    const timeout = faults.take('timeout_after_commit', route);
    if (timeout) {
      applied.push('timeout_after_commit');
      record(answer.status, applied.join(','));
      if ((timeout.mode ?? 'withhold') === 'destroy') {
        response.socket?.destroy();
        return;
      }
      const timer = setTimeout(() => {
        this.withheld.delete(timer);
        sendJsonText(response, answer.status, text);
      }, timeout.withholdMs ?? 30_000);
      this.withheld.add(timer);
      return;
    }
    record(answer.status, applied.length > 0 ? applied.join(',') : undefined);
    sendJsonText(response, answer.status, text, answer.headers);
  }
}
