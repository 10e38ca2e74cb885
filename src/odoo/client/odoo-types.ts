/** Wire-level types shared by the transports and the typed helpers. */

export type OdooDomainOperator = '&' | '|' | '!';
export type OdooDomainLeaf = readonly [field: string, operator: string, value: unknown];
/** Odoo's prefix-notation domain: `[['state', '=', 'posted'], '|', [...], [...]]`. */
export type OdooDomain = ReadonlyArray<OdooDomainLeaf | OdooDomainOperator>;

export type OdooContext = Readonly<Record<string, unknown>>;

export type OdooKwargs = Readonly<Record<string, unknown>>;

/** Every record Odoo returns from read/search_read has an integer id. */
export interface OdooRecord {
  id: number;
  [field: string]: unknown;
}

/** A many2one as read: `[id, "display name"]`, or `false` when empty. */
export type OdooMany2one = readonly [number, string] | false;

/** Per-call options of the generic `callKw`. */
export interface OdooCallOptions {
  /**
   * May the client repeat the call after a transient failure? Defaults to true for the read
   * methods (see READ_METHODS) and false for everything else.
   */
  idempotent?: boolean;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
  /** JSON-2 only: how to name positional args of a method missing from the built-in table. */
  json2Signature?: Json2MethodSignature;
}

/**
 * How a method's positional execute_kw arguments map to JSON-2 named arguments.
 * - `model`: an `@api.model` method; every positional arg is a named parameter, no `ids`.
 * - `record`: a record method; the first positional arg is `ids`, the rest are named parameters.
 */
export interface Json2MethodSignature {
  binding: 'model' | 'record';
  /** Names of the positional parameters after `self` (after `ids` for record methods). */
  params: readonly string[];
}
