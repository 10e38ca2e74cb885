import type { z } from 'zod';
import { OdooError, parseOdooVersionText, type OdooDomain, type OdooServerVersion } from '../../../../src/odoo/client';
import type { OdooSetupClient } from '../../../../src/odoo/setup';

type Row = Record<string, unknown> & { id: number };

/** Many2one columns, returned as `[id, name]` like Odoo's read. */
const MANY2ONE: Readonly<Record<string, readonly string[]>> = {
  'ir.model.fields': ['model_id'],
  'ir.actions.server': ['model_id', 'binding_model_id'],
  'ir.ui.view': ['inherit_id'],
  'base.automation': ['model_id'],
  'account.payment.method.line': ['payment_method_id', 'journal_id'],
};
const X2MANY: Readonly<Record<string, readonly string[]>> = {
  'ir.actions.server': ['webhook_field_ids'],
  'base.automation': ['trigger_field_ids', 'action_server_ids'],
  'account.journal': ['inbound_payment_method_line_ids', 'outbound_payment_method_line_ids'],
};

export interface RecordedCall {
  readonly method: 'create' | 'write';
  readonly model: string;
  readonly values: unknown;
}

/**
 * An in-memory Odoo that answers the calls setup makes the way Odoo 18 does in the transcripts
 * (ids, many2one pairs, bank journals getting their Manual method lines). Only what setup uses.
 */
export class FakeOdooSetupClient implements OdooSetupClient {
  readonly calls: RecordedCall[] = [];
  private readonly tables = new Map<string, Row[]>();
  private nextId = 1000;
  private readonly denied = new Map<string, string>();
  version: OdooServerVersion;

  constructor(serverVersion = '18.0-20250421', options: { salesApp?: boolean; automationRules?: boolean } = {}) {
    this.version = parseOdooVersionText(serverVersion) as OdooServerVersion;
    this.seed(options.salesApp ?? true, options.automationRules ?? true);
  }

  /** Makes `create` on `model` fail with Odoo's AccessError text. */
  denyCreate(model: string, odooMessage: string): void {
    this.denied.set(model, odooMessage);
  }

  rows(model: string): Row[] {
    if (!this.tables.has(model)) this.tables.set(model, []);
    return this.tables.get(model) as Row[];
  }

  insert(model: string, values: Record<string, unknown>): number {
    const id = typeof values.id === 'number' ? values.id : this.nextId++;
    this.rows(model).push({ ...values, id });
    return id;
  }

  createCount(): number {
    return this.calls.filter((call) => call.method === 'create').length;
  }

  changeCount(): number {
    return this.calls.length;
  }

  serverVersion: OdooSetupClient['serverVersion'] = async () => this.version;

  fieldsGet: OdooSetupClient['fieldsGet'] = async (model, options = {}) => {
    const known = model === 'ir.model.fields' ? ['readonly', 'tracking', 'name', 'ttype'] : [];
    return Object.fromEntries(known.filter((name) => !options.fields || options.fields.includes(name)).map((name) => [name, { type: 'char' }]));
  };

  searchRead: OdooSetupClient['searchRead'] = async <T extends { id: number }>(
    model: string,
    domain: OdooDomain,
    options: { order?: string; limit?: number; schema?: z.ZodType<T> } = {},
  ): Promise<T[]> => {
    const active = domain.some((leaf) => Array.isArray(leaf) && leaf[0] === 'active');
    let found = this.rows(model).filter((row) => (active || row.active !== false) && domain.every((leaf) => matches(row, leaf)));
    found = sortRows(found, options.order ?? 'id');
    if (options.limit) found = found.slice(0, options.limit);
    const formatted = found.map((row) => this.format(model, row));
    return formatted.map((row) => (options.schema ? options.schema.parse(row) : (row as unknown as T)));
  };

  create = (async (model: string, values: Record<string, unknown> | Record<string, unknown>[]) => {
    this.calls.push({ method: 'create', model, values });
    const denial = this.denied.get(model);
    if (denial) throw new OdooError('access_error', `Odoo ${model}.create: ${denial}`, { odooMessage: denial, odooName: 'odoo.exceptions.AccessError' });
    const list = Array.isArray(values) ? values : [values];
    const ids = list.map((vals) => this.createOne(model, vals));
    return Array.isArray(values) ? ids : ids[0];
  }) as OdooSetupClient['create'];

  write: OdooSetupClient['write'] = async (model, ids, values) => {
    this.calls.push({ method: 'write', model, values });
    for (const id of ids) {
      const row = this.rows(model).find((candidate) => candidate.id === id);
      if (!row) throw new OdooError('missing_record', `Odoo ${model}.write: missing record ${id}`);
      Object.assign(row, this.applyCommands(model, row, values));
      if (model === 'ir.ui.view' && typeof values.arch === 'string') row.arch_db = values.arch;
    }
  };

  private createOne(model: string, vals: Record<string, unknown>): number {
    if (model === 'ir.model.fields' && this.rows(model).some((row) => row.model_id === vals.model_id && row.name === vals.name)) {
      throw new OdooError('user_error', 'duplicate key value violates unique constraint "ir_model_fields_name_unique"');
    }
    const values = this.applyCommands(model, { id: 0 }, vals);
    if (model === 'ir.model.fields') values.model = this.rows('ir.model').find((row) => row.id === vals.model_id)?.model;
    if (model === 'ir.ui.view') values.arch_db = vals.arch;
    if (model === 'account.payment.method.line') {
      const method = this.rows('account.payment.method').find((row) => row.id === vals.payment_method_id);
      values.code = method?.code;
      values.payment_type = method?.payment_type;
    }
    const id = this.insert(model, { active: true, ...values });
    if (model === 'account.journal' && (vals.type === 'bank' || vals.type === 'cash')) {
      // Odoo gives a new liquidity journal its Manual inbound/outbound lines (transcript 083).
      this.createOne('account.payment.method.line', { journal_id: id, payment_method_id: 1, name: 'Manual Payment', sequence: 10 });
      this.createOne('account.payment.method.line', { journal_id: id, payment_method_id: 2, name: 'Manual Payment', sequence: 10 });
    }
    return id;
  }

  private applyCommands(model: string, row: Row, vals: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(vals)) {
      if (!(X2MANY[model] ?? []).includes(key)) {
        out[key] = value;
        continue;
      }
      let ids = [...((row[key] as number[] | undefined) ?? [])];
      for (const command of value as unknown[][]) {
        if (command[0] === 6) ids = [...(command[2] as number[])];
        else if (command[0] === 4 && !ids.includes(command[1] as number)) ids.push(command[1] as number);
      }
      out[key] = ids;
    }
    return out;
  }

  private format(model: string, row: Row): Record<string, unknown> {
    const out: Record<string, unknown> = { ...row };
    for (const name of MANY2ONE[model] ?? []) {
      const id = row[name];
      out[name] = typeof id === 'number' ? [id, `#${id}`] : false;
    }
    for (const name of X2MANY[model] ?? []) out[name] = row[name] ?? [];
    if (model === 'account.journal') {
      const lines = this.rows('account.payment.method.line').filter((line) => line.journal_id === row.id);
      out.inbound_payment_method_line_ids = lines.filter((line) => line.payment_type === 'inbound').map((line) => line.id);
      out.outbound_payment_method_line_ids = lines.filter((line) => line.payment_type === 'outbound').map((line) => line.id);
    }
    for (const [key, value] of Object.entries(out)) if (value === undefined || value === null) out[key] = false;
    return out;
  }

  private seed(salesApp: boolean, automationRules: boolean): void {
    this.insert('ir.model', { id: 459, model: 'account.move' });
    if (salesApp) this.insert('ir.model', { id: 520, model: 'sale.order' });
    if (automationRules) this.insert('ir.model', { id: 600, model: 'base.automation' });
    const baseFields: Array<[number, string, number, string]> = [
      [4448, 'name', 459, 'account.move'],
      [4452, 'state', 459, 'account.move'],
      [4453, 'move_type', 459, 'account.move'],
      [4400, 'id', 459, 'account.move'],
    ];
    if (salesApp) baseFields.push([5200, 'name', 520, 'sale.order'], [5201, 'state', 520, 'sale.order'], [5202, 'id', 520, 'sale.order']);
    for (const [id, name, modelId, model] of baseFields) this.insert('ir.model.fields', { id, name, model_id: modelId, model, ttype: 'char', state: 'base' });
    this.insert('ir.ui.view', { id: 800, name: 'account.move.form', model: 'account.move', type: 'form', mode: 'primary', priority: 1, inherit_id: false, arch_db: '<form/>' });
    this.insert('ir.model.data', { id: 900, module: 'account', name: 'view_move_form', model: 'ir.ui.view', res_id: 800 });
    if (salesApp) {
      // No xml id for the sales form: setup must fall back to the lowest-priority primary form.
      this.insert('ir.ui.view', { id: 811, name: 'sale.order.form.other', model: 'sale.order', type: 'form', mode: 'primary', priority: 20, inherit_id: false, arch_db: '<form/>' });
      this.insert('ir.ui.view', { id: 810, name: 'sale.order.form', model: 'sale.order', type: 'form', mode: 'primary', priority: 16, inherit_id: false, arch_db: '<form/>' });
    }
    this.insert('account.payment.method', { id: 1, name: 'Manual Payment', code: 'manual', payment_type: 'inbound' });
    this.insert('account.payment.method', { id: 2, name: 'Manual Payment', code: 'manual', payment_type: 'outbound' });
    this.insert('account.journal', { id: 1, name: 'Customer Invoices', code: 'INV', type: 'sale' });
  }
}

function matches(row: Row, leaf: unknown): boolean {
  if (!Array.isArray(leaf)) throw new Error(`fake client: domain operators are not supported (${String(leaf)})`);
  const [field, operator, value] = leaf as [string, string, unknown];
  const actual = row[field] ?? false;
  switch (operator) {
    case '=':
      return actual === value;
    case '!=':
      return actual !== value;
    case 'in':
      return (value as unknown[]).includes(actual);
    default:
      throw new Error(`fake client: operator ${operator} is not supported`);
  }
}

function sortRows(rows: Row[], order: string): Row[] {
  const keys = order.split(',').map((part) => part.trim().split(/\s+/)[0]);
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const left = Number(a[key] ?? 0);
      const right = Number(b[key] ?? 0);
      if (left !== right) return left - right;
    }
    return 0;
  });
}
