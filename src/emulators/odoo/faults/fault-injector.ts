import { OdooException, accessDenied, serializationFailure, validationError } from '../errors';

/** Failures the emulator can simulate (tests and demos of the connector's retry/alerting paths). */
export type FaultSpec =
  /** Connection refused: the server stops listening until the fault is cleared (or `durationMs` elapses). */
  | { readonly kind: 'down'; readonly durationMs?: number }
  /** The TCP connection is dropped without an answer (client sees a reset / "socket hang up"). */
  | { readonly kind: 'connection-reset' }
  /** A reverse proxy answering 502 Bad Gateway instead of Odoo. */
  | { readonly kind: 'http-502' }
  /** Every answer is delayed. */
  | { readonly kind: 'latency'; readonly ms: number }
  /** PostgreSQL serialization failure after Odoo's internal retries (nothing is applied). */
  | { readonly kind: 'serialization-failure'; readonly model?: string; readonly method?: string }
  /** The API key (or password) is refused as if it had been revoked. */
  | { readonly kind: 'access-denied' }
  /** A ValidationError raised by a chosen model/method (nothing is applied). */
  | { readonly kind: 'validation-error'; readonly model?: string; readonly method?: string; readonly message?: string };

export interface FaultOptions {
  /** Affect only the next N matching calls; without it the fault lasts until cleared. */
  readonly calls?: number;
}

interface ActiveFault {
  readonly spec: FaultSpec;
  remaining: number | undefined;
}

export interface FaultHandle {
  clear(): void;
}

/**
 * Holds the injected faults and tells each layer which one applies: transport faults are taken
 * per HTTP request, call faults per model-method call (matching model/method when given).
 */
export class FaultInjector {
  private active: ActiveFault[] = [];

  constructor(private readonly onDownChange: (down: boolean, durationMs?: number) => void) {}

  inject(spec: FaultSpec, options: FaultOptions = {}): FaultHandle {
    if (spec.kind === 'down' && options.calls !== undefined) {
      // Refused connections never reach the server, so they cannot be counted.
      throw new Error("a 'down' fault lasts until cleared or for durationMs; use 'connection-reset' or 'http-502' for the next N calls");
    }
    const fault: ActiveFault = { spec, remaining: options.calls };
    this.active.push(fault);
    if (spec.kind === 'down') this.onDownChange(true, spec.durationMs);
    return { clear: () => this.remove(fault) };
  }

  clear(): void {
    const wasDown = this.active.some((fault) => fault.spec.kind === 'down');
    this.active = [];
    if (wasDown) this.onDownChange(false);
  }

  /** Ends a 'down' fault (its timer elapsed). */
  endDown(): void {
    this.active = this.active.filter((fault) => fault.spec.kind !== 'down');
  }

  list(): FaultSpec[] {
    return this.active.map((fault) => fault.spec);
  }

  latencyMs(): number {
    const fault = this.take((spec) => spec.kind === 'latency');
    return fault?.kind === 'latency' ? fault.ms : 0;
  }

  /** 'reset' or '502' when the next HTTP request must fail at the transport level. */
  transportFailure(): 'reset' | '502' | undefined {
    const fault = this.take((spec) => spec.kind === 'connection-reset' || spec.kind === 'http-502');
    if (!fault) return undefined;
    return fault.kind === 'connection-reset' ? 'reset' : '502';
  }

  /** Whether credentials must be refused for this call. */
  credentialsRevoked(): boolean {
    return Boolean(this.take((spec) => spec.kind === 'access-denied'));
  }

  /** The exception to raise instead of running `model.method`, if a call fault matches. */
  callFailure(model: string, method: string): OdooException | undefined {
    const matches = (spec: FaultSpec): boolean =>
      (spec.kind === 'serialization-failure' || spec.kind === 'validation-error') &&
      (spec.model === undefined || spec.model === model) &&
      (spec.method === undefined || spec.method === method);
    const fault = this.take(matches);
    if (!fault) return undefined;
    if (fault.kind === 'serialization-failure') return serializationFailure();
    if (fault.kind === 'validation-error') return validationError(fault.message ?? `Injected validation error on ${model}.${method}`);
    return accessDenied();
  }

  private take(predicate: (spec: FaultSpec) => boolean): FaultSpec | undefined {
    const fault = this.active.find((candidate) => predicate(candidate.spec));
    if (!fault) return undefined;
    if (fault.remaining !== undefined) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.remove(fault);
    }
    return fault.spec;
  }

  private remove(fault: ActiveFault): void {
    this.active = this.active.filter((candidate) => candidate !== fault);
    if (fault.spec.kind === 'down' && !this.active.some((candidate) => candidate.spec.kind === 'down')) this.onDownChange(false);
  }
}
