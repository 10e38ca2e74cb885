import { z } from 'zod';
import { OdooError } from './odoo-error';
import type { OdooVersionFeatures } from './odoo-version-features';
import type { OdooCallOptions, OdooContext, OdooDomain, OdooKwargs, OdooRecord } from './odoo-types';

export interface SearchReadOptions<T> {
  fields?: readonly string[];
  order?: string;
  limit?: number;
  offset?: number;
  context?: OdooContext;
  /** Parses every record; a mismatch is an `invalid_response` error instead of a bad value later. */
  schema?: z.ZodType<T>;
}

export interface ReadOptions<T> {
  context?: OdooContext;
  schema?: z.ZodType<T>;
}

export interface SearchOptions {
  order?: string;
  limit?: number;
  offset?: number;
  context?: OdooContext;
}

export interface ContextOption {
  context?: OdooContext;
}

export interface FieldsGetOptions extends ContextOption {
  /** Field names; all fields when omitted. */
  fields?: readonly string[];
  /** Attributes per field, e.g. ['string', 'type', 'required']; all when omitted. */
  attributes?: readonly string[];
}

export interface MessagePostOptions extends ContextOption {
  /** Plain text. Never HTML: it is shown as typed on every version. */
  body: string;
  /** 'mail.mt_note' (internal note, the default) or 'mail.mt_comment' (notifies followers). */
  subtypeXmlid?: string;
  messageType?: 'comment' | 'notification';
}

export interface WizardRun<T> {
  wizardId: number;
  /** What the action returned (often an `ir.actions.*` dict, or false/null). */
  result: T;
}

/** Attributes of one field as returned by fields_get. */
export type OdooFieldDescription = Record<string, unknown>;

const recordSchema = z.looseObject({ id: z.number().int() });
const recordsSchema = z.array(recordSchema);
const idsSchema = z.array(z.number().int().positive());
const idOrIdsSchema = z.union([z.number().int().positive(), z.array(z.number().int().positive()).length(1)]);
const countSchema = z.number().int().nonnegative();
const fieldsGetSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

/**
 * Typed calls over the generic `callKw`, the same on both transports: they build execute_kw's
 * positional form (which json2-call-mapping.ts renames for JSON-2), parse the result at the
 * boundary and smooth out the transport differences (JSON-2 returns recordsets as id lists, so
 * `create` of one dict and `message_post` answer `[id]` there and `id` over JSON-RPC).
 */
export abstract class OdooModelCalls {
  abstract callKw<T = unknown>(model: string, method: string, args?: readonly unknown[], kwargs?: OdooKwargs, options?: OdooCallOptions): Promise<T>;

  abstract features(): Promise<OdooVersionFeatures>;

  async searchRead<T extends OdooRecord = OdooRecord>(model: string, domain: OdooDomain, options: SearchReadOptions<T> = {}): Promise<T[]> {
    const kwargs = definedOnly({
      fields: options.fields,
      order: options.order,
      limit: options.limit,
      offset: options.offset,
      context: options.context,
    });
    const result = await this.callKw(model, 'search_read', [domain], kwargs);
    return parseRecords(result, `${model}.search_read`, options.schema);
  }

  /** Records for `ids`, in Odoo's order. A missing id is simply absent (Odoo 18 returns [] for it). */
  async read<T extends OdooRecord = OdooRecord>(model: string, ids: readonly number[], fields: readonly string[], options: ReadOptions<T> = {}): Promise<T[]> {
    const operation = `${model}.read`;
    if (ids.length === 0) return [];
    const result = await this.callKw(model, 'read', [checkIds(ids, operation)], definedOnly({ fields, context: options.context }));
    return parseRecords(result, operation, options.schema);
  }

  async search(model: string, domain: OdooDomain, options: SearchOptions = {}): Promise<number[]> {
    const kwargs = definedOnly({ order: options.order, limit: options.limit, offset: options.offset, context: options.context });
    return parse(idsSchema, await this.callKw(model, 'search', [domain], kwargs), `${model}.search`);
  }

  async searchCount(model: string, domain: OdooDomain, options: ContextOption = {}): Promise<number> {
    return parse(countSchema, await this.callKw(model, 'search_count', [domain], definedOnly({ context: options.context })), `${model}.search_count`);
  }

  /** One dict → its id; a list of dicts → their ids. Never retried (see IDEMPOTENT_METHODS). */
  create(model: string, values: Readonly<Record<string, unknown>>, options?: ContextOption): Promise<number>;
  create(model: string, values: ReadonlyArray<Readonly<Record<string, unknown>>>, options?: ContextOption): Promise<number[]>;
  async create(
    model: string,
    values: Readonly<Record<string, unknown>> | ReadonlyArray<Readonly<Record<string, unknown>>>,
    options: ContextOption = {},
  ): Promise<number | number[]> {
    const operation = `${model}.create`;
    const result = await this.callKw(model, 'create', [values], definedOnly({ context: options.context }));
    if (Array.isArray(values)) return parse(idsSchema, result, operation);
    const id = parse(idOrIdsSchema, result, operation);
    return typeof id === 'number' ? id : id[0];
  }

  async write(model: string, ids: readonly number[], values: Readonly<Record<string, unknown>>, options: ContextOption = {}): Promise<void> {
    const operation = `${model}.write`;
    parse(z.literal(true), await this.callKw(model, 'write', [checkIds(ids, operation), values], definedOnly({ context: options.context })), operation);
  }

  async unlink(model: string, ids: readonly number[], options: ContextOption = {}): Promise<void> {
    const operation = `${model}.unlink`;
    parse(z.literal(true), await this.callKw(model, 'unlink', [checkIds(ids, operation)], definedOnly({ context: options.context })), operation);
  }

  async fieldsGet(model: string, options: FieldsGetOptions = {}): Promise<Record<string, OdooFieldDescription>> {
    const args = options.fields ? [options.fields] : [];
    const result = await this.callKw(model, 'fields_get', args, definedOnly({ attributes: options.attributes, context: options.context }));
    return parse(fieldsGetSchema, result, `${model}.fields_get`);
  }

  /**
   * Posts a plain-text chatter message and returns the mail.message id. Odoo 17+ escapes a str
   * body itself (and would need body_is_html for HTML, which we never send); Odoo 16 treats a str
   * as HTML, so the text is escaped here to show the same thing on every version.
   */
  async messagePost(model: string, id: number, options: MessagePostOptions): Promise<number> {
    const operation = `${model}.message_post`;
    const features = await this.features();
    const body = features.messagePostBodyIsHtmlParam ? options.body : escapeHtml(options.body);
    const kwargs = definedOnly({
      body,
      message_type: options.messageType ?? 'comment',
      subtype_xmlid: options.subtypeXmlid ?? 'mail.mt_note',
      context: options.context,
    });
    const result = await this.callKw(model, 'message_post', [checkIds([id], operation)], kwargs);
    const messageId = parse(idOrIdsSchema, result, operation);
    return typeof messageId === 'number' ? messageId : messageId[0];
  }

  /** A method on records, e.g. `action_post`, `button_cancel`, `action_confirm`: `args = [ids]`. */
  async callRecordMethod<T = unknown>(model: string, method: string, ids: readonly number[], kwargs: OdooKwargs = {}): Promise<T> {
    return this.callKw<T>(model, method, [checkIds(ids, `${model}.${method}`)], kwargs);
  }

  /**
   * Creates a transient wizard in `context` (e.g. `{active_model: 'account.move', active_ids: [7]}`)
   * and runs its action in the same context, as Odoo's web client does. Two calls, two
   * transactions: if the action fails the wizard stays behind and Odoo's vacuum removes it.
   */
  async runWizard<T = unknown>(model: string, values: Readonly<Record<string, unknown>>, context: OdooContext, actionMethod: string): Promise<WizardRun<T>> {
    const wizardId = await this.create(model, values, { context });
    const result = await this.callRecordMethod<T>(model, actionMethod, [wizardId], { context });
    return { wizardId, result };
  }
}

function definedOnly(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

function checkIds(ids: readonly number[], operation: string): number[] {
  // [null] would read a phantom record with default values (transcript 153); [] breaks singletons.
  if (ids.length === 0 || !ids.every((id) => Number.isInteger(id) && id > 0)) {
    throw new OdooError('bug', `Odoo ${operation}: ids must be a non-empty list of positive integers`, { operation });
  }
  return [...ids];
}

function parse<S extends z.ZodType>(schema: S, value: unknown, operation: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new OdooError('invalid_response', `Odoo ${operation}: unexpected result shape`, { operation });
  return result.data;
}

function parseRecords<T>(value: unknown, operation: string, schema?: z.ZodType<T>): T[] {
  const records = parse(recordsSchema, value, operation);
  if (!schema) return records as unknown as T[];
  return records.map((record) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') ?? '';
      throw new OdooError('invalid_response', `Odoo ${operation}: record ${record.id} does not match the expected shape${where ? ` (at ${where})` : ''}`, { operation });
    }
    return parsed.data;
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
