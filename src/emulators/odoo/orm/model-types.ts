import type { OdooMajorVersion, VersionProfile, VersionRange } from '../version-profile';
import type { EmulatorClock } from '../clock';
import type { RecordStore } from './record-store';
import type { Registry } from './registry';

/** One stored row. Values use the store conventions documented in field-values.ts. */
export type StoredRecord = Record<string, unknown> & { readonly id: number };

export type FieldType =
  | 'char'
  | 'text'
  | 'html'
  | 'boolean'
  | 'integer'
  | 'float'
  | 'monetary'
  | 'date'
  | 'datetime'
  | 'selection'
  | 'many2one'
  | 'one2many'
  | 'many2many'
  | 'binary'
  | 'json';

export interface FieldDef {
  readonly type: FieldType;
  /** The label (`string` in fields_get). */
  readonly string: string;
  readonly relation?: string;
  /** one2many: the many2one on `relation` pointing back. */
  readonly inverseName?: string;
  /** one2many: only the comodel rows this returns true for (e.g. invoice_line_ids = product lines). */
  readonly inverseFilter?: (record: StoredRecord) => boolean;
  readonly selection?: readonly (readonly [string, string])[];
  readonly required?: boolean;
  readonly readonly?: boolean;
  /** False for computed, non-stored fields. */
  readonly store?: boolean;
  /** Non-stored computed value, in store conventions. */
  readonly compute?: (env: Env, record: StoredRecord) => unknown;
  /** Value for create when the caller gives none (store conventions). */
  readonly default?: (env: Env, vals: Readonly<Record<string, unknown>>) => unknown;
  /** Custom field created through ir.model.fields (state 'manual'). */
  readonly manual?: boolean;
  /** Copied by copy()/reversals (Odoo's `copy=`). */
  readonly copy?: boolean;
  /** monetary: the many2one giving the currency. */
  readonly currencyField?: string;
  readonly help?: string;
  readonly versions?: VersionRange;
  readonly index?: boolean;
  readonly translate?: boolean;
  readonly tracking?: boolean;
  readonly groups?: string;
  readonly relatedPath?: string;
}

export type FieldMap = Readonly<Record<string, FieldDef>>;

export interface ParamSpec {
  readonly name: string;
  /** Parameters with a default may be omitted. */
  readonly optional?: boolean;
}

export interface MethodDef {
  /** 'model' = @api.model (no ids), 'record' = called on a recordset (ids first). */
  readonly binding: 'model' | 'record';
  readonly params: readonly ParamSpec[];
  /** Python qualified name used in TypeError messages (`BaseModel.read`). */
  readonly qualname: string;
  /** Parameters are keyword-only (`def message_post(self, *, body='', ...)`). */
  readonly keywordOnly?: boolean;
  /** Accepts arbitrary keyword arguments (`**kwargs`). */
  readonly acceptsAnyKeyword?: boolean;
  readonly versions?: VersionRange;
  /** The model whose recordset this returns (JSON-RPC gets ids or an id, JSON-2 always a list). */
  readonly returnsRecords?: 'single' | 'multi';
  run(call: MethodCall): unknown;
}

/** One invocation of a model method: the environment, the model, the record ids and the bound arguments. */
export interface MethodCall {
  readonly env: Env;
  readonly model: string;
  readonly ids: readonly (number | null)[];
  readonly args: Readonly<Record<string, unknown>>;
}

export interface ModelHooks {
  /** Python-level checks and value preparation before an id is taken (may rewrite `vals`). */
  prepareCreate?(env: Env, vals: Record<string, unknown>): void;
  /** SQL-level constraints once the id is taken (a failure still consumes the id, as in PostgreSQL). */
  checkInsert?(env: Env, record: StoredRecord): void;
  afterCreate?(env: Env, ids: readonly number[], valsList: readonly Record<string, unknown>[]): void;
  beforeWrite?(env: Env, ids: readonly number[], vals: Record<string, unknown>): void;
  afterWrite?(env: Env, ids: readonly number[], vals: Readonly<Record<string, unknown>>): void;
  beforeUnlink?(env: Env, ids: readonly number[]): void;
  afterUnlink?(env: Env, records: readonly StoredRecord[]): void;
}

export interface ModelAccess {
  /** Groups listed in the AccessError message when a user without rights reads the model. */
  readonly readGroups: readonly string[];
  /** Readable by share (portal-like) users, e.g. currencies. */
  readonly publicRead?: boolean;
  /** The model whose access is reported when this one is refused (ir.model.fields → ir.model). */
  readonly reportAs?: string;
}

export interface ModelDef {
  readonly name: string;
  /** `_description`, used in error messages and ir.model.name. */
  readonly description: string;
  /** `_order`. */
  readonly order: string;
  readonly transient?: boolean;
  readonly isMailThread?: boolean;
  /** `_rec_name` (default `name`). */
  readonly recName?: string;
  readonly fields: FieldMap;
  readonly methods?: Readonly<Record<string, MethodDef>>;
  readonly displayName?: (env: Env, record: StoredRecord) => string;
  readonly hooks?: ModelHooks;
  readonly versions?: VersionRange;
  readonly access?: ModelAccess;
  /** No create_uid/create_date/write_uid/write_date columns (`_log_access = False`). */
  readonly noLogAccess?: boolean;
}

export interface EmulatorSettings {
  readonly database: string;
  readonly companyId: number;
  /** What a fully paid invoice shows: 'paid' (Community, as recorded) or 'in_payment' (Enterprise accounting). */
  readonly invoicePaidState: 'paid' | 'in_payment';
  /** The user agent the webhook sender announces. */
  readonly webhookUserAgent: string;
  readonly webhookTimeoutMs: number;
  readonly baseUrl: () => string;
}

/** Hooks the ORM calls so automations (base.automation) run like Odoo's patched create/write. */
export interface AutomationHooks {
  beforeWrite(env: Env, model: string, ids: readonly number[], fieldNames: readonly string[]): unknown;
  afterWrite(env: Env, token: unknown): void;
  afterCreate(env: Env, model: string, ids: readonly number[]): void;
}

export interface WebhookPort {
  /** Fire-and-forget POST of a JSON body (Odoo's `requests.post(..., timeout=1)`). */
  post(url: string, body: string): void;
}

export type TransportKind = 'jsonrpc' | 'web' | 'json2' | 'internal';

export interface EnvServices {
  readonly automations: AutomationHooks;
  readonly webhooks: WebhookPort;
  readonly settings: EmulatorSettings;
}

/** Everything a model method needs: the data, the caller and the call context. */
export interface Env {
  readonly registry: Registry;
  readonly store: RecordStore;
  readonly uid: number;
  readonly context: Readonly<Record<string, unknown>>;
  readonly profile: VersionProfile;
  readonly clock: EmulatorClock;
  readonly services: EnvServices;
  readonly transport: TransportKind;
  readonly major: OdooMajorVersion;
  withContext(extra: Readonly<Record<string, unknown>>): Env;
  withUser(uid: number): Env;
}
