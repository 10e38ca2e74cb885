import type { AxiosInstance } from 'axios';
import { OdooError, isOdooError, type OdooProtocol } from './odoo-error';
import { SILENT_ODOO_LOGGER, type OdooClientLogger } from './odoo-client-logger';
import { createAxiosOdooHttp, type OdooHttp } from './odoo-http';
import { OdooModelCalls } from './odoo-model-calls';
import { DEFAULT_ODOO_RETRY_POLICY, IDEMPOTENT_METHODS, withOdooRetries, type OdooRetryPolicy, type RetryHooks } from './odoo-retry';
import type { OdooTransport, OdooTransportDeps } from './odoo-transport';
import { JsonRpcTransport } from './jsonrpc.transport';
import { Json2Transport } from './json2.transport';
import { OdooVersionFeatures } from './odoo-version-features';
import type { OdooServerVersion } from './odoo-version';
import type { OdooCallOptions, OdooKwargs } from './odoo-types';
import { SecretScrubber } from './secret-scrubber';

export type OdooProtocolSetting = OdooProtocol | 'auto';

export interface OdooClientOptions {
  /** Base URL, e.g. "https://erp.example.com" (a trailing slash is ignored). */
  url: string;
  db: string;
  username: string;
  /** The API key, or a function returning the current one (hot reload after rotation). */
  apiKey: string | (() => string);
  /** 'auto' reads the server version once: JSON-2 on 19+, JSON-RPC below. */
  protocol: OdooProtocolSetting;
  /** Per attempt, for every request. */
  timeoutMs: number;
  logger?: OdooClientLogger;
  /** HTTP port; defaults to axios (see `axios`). Tests pass a loopback-backed or fake function. */
  http?: OdooHttp;
  /** Axios instance for the default HTTP port (ignored when `http` is given). */
  axios?: AxiosInstance;
  retry?: Partial<OdooRetryPolicy>;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  userAgent?: string;
}

const DEFAULT_USER_AGENT = 'tamara-odoo-connector';

/**
 * Typed client of Odoo's external API (16–19+). Chooses JSON-RPC or JSON-2, classifies every
 * failure as an {@link OdooError}, retries transient failures of reads only, and keeps the API key
 * out of every error and log line.
 */
export class OdooClient extends OdooModelCalls {
  private readonly scrubber = new SecretScrubber();
  private readonly logger: OdooClientLogger;
  private readonly timeoutMs: number;
  private readonly retryPolicy: OdooRetryPolicy;
  private readonly retryHooks: RetryHooks;
  private readonly jsonRpc: JsonRpcTransport;
  private readonly json2: Json2Transport;
  private readonly protocolSetting: OdooProtocolSetting;
  private version: Promise<OdooServerVersion> | undefined;

  constructor(options: OdooClientOptions) {
    super();
    const baseUrl = checkOptions(options);
    const apiKeySource = options.apiKey;
    const apiKey = (): string => {
      const key = typeof apiKeySource === 'function' ? apiKeySource() : apiKeySource;
      this.scrubber.add(key);
      return key;
    };
    apiKey();
    this.logger = options.logger ?? SILENT_ODOO_LOGGER;
    this.timeoutMs = options.timeoutMs;
    this.protocolSetting = options.protocol;
    this.retryPolicy = { ...DEFAULT_ODOO_RETRY_POLICY, ...options.retry };
    this.retryHooks = {
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      random: options.random ?? Math.random,
      onRetry: (error, attempt, delayMs) =>
        this.logger.warn('Odoo call failed transiently; retrying', { operation: error.details.operation, kind: error.kind, attempt, delayMs }),
    };
    const deps: OdooTransportDeps = {
      http: options.http ?? createAxiosOdooHttp(options.axios),
      baseUrl,
      db: options.db,
      username: options.username,
      apiKey,
      scrubber: this.scrubber,
      logger: this.scrubbingLogger(this.logger),
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    };
    this.jsonRpc = new JsonRpcTransport(deps);
    this.json2 = new Json2Transport(deps);
  }

  /**
   * Calls `model.method` in execute_kw form on either transport. For JSON-2, `args[0]` is the ids
   * of a record method and positional args of `@api.model` methods are named from the table in
   * json2-call-mapping.ts; `kwargs.context` is the call's context on both. Reads are retried on
   * `concurrency`/`transport`; nothing else is.
   */
  async callKw<T = unknown>(model: string, method: string, args: readonly unknown[] = [], kwargs: OdooKwargs = {}, options: OdooCallOptions = {}): Promise<T> {
    const idempotent = options.idempotent ?? IDEMPOTENT_METHODS.has(method);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const call = { model, method, args, kwargs, json2Signature: options.json2Signature };
    // Resolved outside the loop: the version read has its own retries.
    const transport = await this.transport();
    return withOdooRetries(() => transport.executeKw(call, timeoutMs) as Promise<T>, idempotent, this.retryPolicy, this.retryHooks);
  }

  /** The uid the API key acts as; also the boot-time "are the credentials right" check. */
  async authenticate(): Promise<number> {
    const transport = await this.transport();
    return withOdooRetries(() => transport.authenticate(this.timeoutMs), true, this.retryPolicy, this.retryHooks);
  }

  /** The protocol in use ('auto' resolved from the server version). */
  async protocol(): Promise<OdooProtocol> {
    return (await this.transport()).protocol;
  }

  /** Read once per client (retried like a read); a failed read is tried again on the next call. */
  serverVersion(): Promise<OdooServerVersion> {
    if (!this.version) {
      const reading = withOdooRetries(() => this.readVersion(), true, this.retryPolicy, this.retryHooks);
      this.version = reading;
      reading.catch(() => {
        if (this.version === reading) this.version = undefined;
      });
    }
    return this.version;
  }

  async features(): Promise<OdooVersionFeatures> {
    return new OdooVersionFeatures(await this.serverVersion());
  }

  private async transport(): Promise<OdooTransport> {
    switch (this.protocolSetting) {
      case 'jsonrpc':
        return this.jsonRpc;
      case 'json2':
        return this.json2;
      case 'auto':
        return (await this.features()).defaultProtocol === 'json2' ? this.json2 : this.jsonRpc;
    }
  }

  private async readVersion(): Promise<OdooServerVersion> {
    if (this.protocolSetting === 'json2') return this.json2.readVersion(this.timeoutMs);
    try {
      return await this.jsonRpc.readVersion(this.timeoutMs);
    } catch (error) {
      // /jsonrpc is slated for removal (Odoo 22): a missing route means "ask the JSON-2 era way".
      if (this.protocolSetting === 'auto' && isOdooError(error, 'not_found')) return this.json2.readVersion(this.timeoutMs);
      throw error;
    }
  }

  /** Every logged detail passes the scrubber, whoever logs it. */
  private scrubbingLogger(logger: OdooClientLogger): OdooClientLogger {
    return {
      debug: (message, details) => logger.debug(message, details && (this.scrubber.data(details) as Record<string, unknown>)),
      warn: (message, details) => logger.warn(message, details && (this.scrubber.data(details) as Record<string, unknown>)),
    };
  }
}

function checkOptions(options: OdooClientOptions): string {
  const problems: string[] = [];
  let baseUrl = '';
  try {
    const url = new URL(options.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push('url must be http(s)');
    if (url.username || url.password) problems.push('url must not carry credentials');
    baseUrl = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  } catch {
    problems.push('url is not a URL');
  }
  if (!options.db) problems.push('db is required');
  if (!options.username) problems.push('username is required');
  if (typeof options.apiKey === 'string' && options.apiKey.length === 0) problems.push('apiKey is required');
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) problems.push('timeoutMs must be positive');
  if (!['jsonrpc', 'json2', 'auto'].includes(options.protocol)) problems.push('protocol must be jsonrpc, json2 or auto');
  if (problems.length > 0) throw new OdooError('bug', `Invalid Odoo client options: ${problems.join('; ')}`);
  return baseUrl;
}
