import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorCore } from '../emulator-core';
import { parseFaultInput } from '../faults/fault-rule';
import { stringifyJson } from '../http/json-codec';
import { send, sendJsonText } from '../http/http-io';
import { RouteTable } from '../http/route-matcher';
import { TamaraApiError, TamaraErrors, errorEnvelope } from '../tamara-api-error';
import { checkoutPageHtml } from './checkout-page';
import type { EmulatorControls } from './emulator-controls';

interface ControlRequest {
  params: Record<string, string>;
  body: unknown;
}

type ControlAction = (request: ControlRequest, controls: EmulatorControls, core: EmulatorCore) => Promise<unknown> | unknown;

/** A control-API refusal (bad body); answered as a 400 envelope with `invalid_control_request`. */
class ControlRequestError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** Marks an HTML answer (the checkout page). */
class HtmlPage {
  constructor(readonly html: string) {}
}

const DECLINE_FIELDS = ['reason', 'code', 'type'] as const;

const routes = new RouteTable<ControlAction>([
  { method: 'GET', path: '/_emulator', target: () => CONTROL_INDEX },
  { method: 'GET', path: '/_emulator/orders', target: (_r, controls) => controls.orders() },
  { method: 'GET', path: '/_emulator/orders/:orderId', target: ({ params }, controls) => controls.order(params.orderId ?? '') ?? notFound(params.orderId) },
  { method: 'POST', path: '/_emulator/orders/:orderId/pay', target: ({ params }, controls) => controls.pay(params.orderId ?? '') },
  {
    method: 'POST',
    path: '/_emulator/orders/:orderId/decline',
    target: ({ params, body }, controls) => controls.decline(params.orderId ?? '', declineInput(body)),
  },
  { method: 'POST', path: '/_emulator/orders/:orderId/cancel', target: ({ params }, controls) => controls.cancel(params.orderId ?? '') },
  { method: 'POST', path: '/_emulator/orders/:orderId/expire', target: ({ params }, controls) => controls.expire(params.orderId ?? '') },
  { method: 'GET', path: '/_emulator/clock', target: (_r, controls, core) => clockView(controls, core) },
  {
    method: 'POST',
    path: '/_emulator/clock/advance',
    target: async ({ body }, controls, core) => {
      const seconds = (body as { seconds?: unknown } | undefined)?.seconds;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) throw new ControlRequestError(['seconds must be a number ≥ 0']);
      await controls.advanceClock(seconds);
      return clockView(controls, core);
    },
  },
  { method: 'GET', path: '/_emulator/calls', target: (_r, controls) => controls.calls() },
  { method: 'GET', path: '/_emulator/sms', target: (_r, controls) => controls.sms() },
  { method: 'GET', path: '/_emulator/webhook-deliveries', target: (_r, controls) => controls.webhookDeliveries() },
  { method: 'GET', path: '/_emulator/faults', target: (_r, controls) => controls.faults() },
  {
    method: 'POST',
    path: '/_emulator/faults',
    target: ({ body }, controls) => {
      const inputs = Array.isArray(body) ? body : [body];
      const parsed = inputs.map(parseFaultInput);
      const problems = parsed.flatMap((result) => (result.ok ? [] : result.problems));
      if (problems.length > 0) throw new ControlRequestError(problems);
      return parsed.map((result) => (result.ok ? controls.setFault(result.value) : undefined));
    },
  },
  { method: 'DELETE', path: '/_emulator/faults', target: async (_r, controls) => ({ cleared: await controls.clearFaults() }) },
  {
    method: 'DELETE',
    path: '/_emulator/faults/:faultId',
    target: async ({ params }, controls) => ({ cleared: await controls.clearFaults(params.faultId ?? '') }),
  },
  { method: 'POST', path: '/_emulator/webhooks/flush', target: async (_r, controls) => (await controls.flushHeldWebhooks(), { flushed: true }) },
  { method: 'POST', path: '/_emulator/webhooks/idle', target: async (_r, controls) => (await controls.webhooksIdle(), { idle: true }) },
  { method: 'POST', path: '/_emulator/reset', target: async (_r, controls) => (await controls.reset(), { reset: true }) },
  {
    method: 'GET',
    path: '/_emulator/checkout/:checkoutId',
    target: ({ params }, _controls, core) => {
      const order = core.store.getByCheckoutId(params.checkoutId ?? '');
      if (!order) throw TamaraErrors.checkoutNotFound(params.checkoutId ?? '');
      core.lifecycle.expireDue();
      void core.deliver(core.lifecycle.drainEvents());
      return new HtmlPage(checkoutPageHtml(order));
    },
  },
]);

/** The loopback-only control API under `/_emulator/` (no authentication, calls are not recorded). */
export async function handleControlRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  rawBody: string,
  controls: EmulatorControls,
  core: EmulatorCore,
): Promise<void> {
  const method = request.method ?? 'GET';
  const match = routes.match(method, url.pathname.replace(/\/+$/, '') || '/');
  if (match.kind !== 'found') {
    const error = match.kind === 'wrong_method' ? TamaraErrors.methodNotAllowed(method, url.pathname) : TamaraErrors.routeNotFound(method, url.pathname);
    return sendJsonText(response, error.httpStatus, stringifyJson(error.toEnvelope()));
  }
  try {
    let body: unknown;
    if (rawBody.trim() !== '') {
      try {
        body = JSON.parse(rawBody) as unknown;
      } catch {
        throw new ControlRequestError(['the body is not valid JSON']);
      }
    }
    const result = await match.target({ params: match.params, body }, controls, core);
    if (result instanceof HtmlPage) return send(response, 200, result.html, { 'Content-Type': 'text/html; charset=utf-8' });
    sendJsonText(response, 200, stringifyJson(result));
  } catch (error) {
    if (error instanceof TamaraApiError) return sendJsonText(response, error.httpStatus, stringifyJson(error.toEnvelope()));
    if (error instanceof ControlRequestError) {
      return sendJsonText(response, 400, stringifyJson(errorEnvelope(error.message, [{ error_code: 'invalid_control_request', data: { problems: error.problems } }])));
    }
    if (error instanceof RangeError) {
      return sendJsonText(response, 400, stringifyJson(errorEnvelope(error.message, [{ error_code: 'invalid_control_request' }])));
    }
    throw error;
  }
}

function notFound(orderId: string | undefined): never {
  throw TamaraErrors.orderNotFound(orderId ?? '');
}

function clockView(controls: EmulatorControls, core: EmulatorCore): { now: string; offset_seconds: number } {
  return { now: controls.now().toISOString(), offset_seconds: core.clock.offsetSeconds() };
}

function declineInput(body: unknown): { reason?: string; code?: string; type?: string } {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new ControlRequestError(['the body must be an object {reason?, code?, type?}']);
  const input: Record<string, string> = {};
  for (const field of DECLINE_FIELDS) {
    const value = (body as Record<string, unknown>)[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new ControlRequestError([`${field} must be a string`]);
    input[field] = value;
  }
  return input;
}

const CONTROL_INDEX = {
  emulator: 'Tamara in-store sandbox emulator',
  control_endpoints: [
    'GET /_emulator/orders',
    'GET /_emulator/orders/{order_id}',
    'POST /_emulator/orders/{order_id}/pay',
    'POST /_emulator/orders/{order_id}/decline {reason?, code?, type?}',
    'POST /_emulator/orders/{order_id}/cancel',
    'POST /_emulator/orders/{order_id}/expire',
    'GET /_emulator/clock',
    'POST /_emulator/clock/advance {seconds}',
    'GET /_emulator/calls',
    'GET /_emulator/sms',
    'GET /_emulator/webhook-deliveries',
    'GET /_emulator/faults',
    'POST /_emulator/faults {kind, route?, times?, …}',
    'DELETE /_emulator/faults',
    'DELETE /_emulator/faults/{fault_id}',
    'POST /_emulator/webhooks/flush',
    'POST /_emulator/webhooks/idle',
    'POST /_emulator/reset',
    'GET /_emulator/checkout/{checkout_id}',
  ],
};
