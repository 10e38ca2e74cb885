import type { EmulatorCore } from '../emulator-core';
import type { ApiRoute } from '../faults/fault-rule';

/** A merchant API call after routing, authentication and JSON parsing. */
export interface MerchantRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed body with numbers kept as `JsonNumberText`; undefined when the body was empty. */
  body: unknown;
}

/** A merchant API endpoint: its route name (for fault scoping) and what it does. Success is always HTTP 200. */
export interface MerchantEndpoint {
  route: ApiRoute;
  handle(request: MerchantRequest, core: EmulatorCore): unknown;
}
