import { fieldValue } from '../orm/field-values';
import { matchesDomain, parseDomain, type DomainNode } from '../orm/domain';
import type { AutomationHooks, Env, StoredRecord } from '../orm/model-types';
import { parsePythonLiteral } from '../python/python-literal';
import { runServerAction } from './server-action-runner';

const CREATE_TRIGGERS = new Set(['on_create_or_write', 'on_create']);
const WRITE_TRIGGERS = new Set(['on_create_or_write', 'on_write']);

interface PendingAutomation {
  readonly automation: StoredRecord;
  /** Records that satisfied the "before update" domain. */
  readonly candidates: readonly number[];
}

interface WriteToken {
  readonly model: string;
  readonly pending: readonly PendingAutomation[];
  /** Values of the written fields before the write, per record. */
  readonly oldValues: ReadonlyMap<number, Readonly<Record<string, unknown>>>;
}

/**
 * base.automation's patched create/write for `on_create_or_write` (and the older on_create /
 * on_write) rules: the "before" domain is evaluated before the write, the "apply on" domain
 * after, and with trigger fields set a rule only fires when one of them was written and really
 * changed. A rule does not fire twice on the same record within one call (`__action_done`).
 */
export class AutomationEngine implements AutomationHooks {
  private done = new Set<string>();

  /** Called at the start of every RPC call (Odoo keeps `__action_done` per transaction). */
  beginCall(): void {
    this.done = new Set();
  }

  beforeWrite(env: Env, model: string, ids: readonly number[], fieldNames: readonly string[]): unknown {
    const automations = this.activeAutomations(env, model, WRITE_TRIGGERS);
    if (automations.length === 0 || ids.length === 0) return undefined;
    const pending = automations.map((automation) => ({
      automation,
      candidates: ids.filter((id) => this.matches(env, model, id, automation.filter_pre_domain)),
    }));
    const oldValues = new Map<number, Record<string, unknown>>();
    for (const id of ids) {
      const record = env.store.get(model, id);
      if (!record) continue;
      const values: Record<string, unknown> = {};
      for (const name of fieldNames) if (env.registry.field(model, name)) values[name] = fieldValue(env, model, record, name);
      oldValues.set(id, values);
    }
    const token: WriteToken = { model, pending, oldValues };
    return token;
  }

  afterWrite(env: Env, token: unknown): void {
    if (!token) return;
    const { model, pending, oldValues } = token as WriteToken;
    for (const { automation, candidates } of pending) {
      const triggerNames = this.triggerFieldNames(env, automation);
      const fired = candidates.filter((id) => {
        if (!this.matches(env, model, id, automation.filter_domain)) return false;
        if (triggerNames.length === 0) return true;
        const record = env.store.get(model, id);
        const old = oldValues.get(id) ?? {};
        return Boolean(record) && triggerNames.some((name) => name in old && !sameValue(old[name], fieldValue(env, model, record as StoredRecord, name)));
      });
      this.run(env, automation, model, fired);
    }
  }

  afterCreate(env: Env, model: string, ids: readonly number[]): void {
    for (const automation of this.activeAutomations(env, model, CREATE_TRIGGERS)) {
      this.run(env, automation, model, ids.filter((id) => this.matches(env, model, id, automation.filter_domain)));
    }
  }

  private run(env: Env, automation: StoredRecord, model: string, ids: readonly number[]): void {
    const fresh = ids.filter((id) => !this.done.has(`${automation.id}:${id}`));
    if (fresh.length === 0) return;
    for (const id of fresh) this.done.add(`${automation.id}:${id}`);
    const actionIds = env.profile.automationHasActionList
      ? ((automation.action_server_ids as number[] | undefined) ?? [])
      : typeof automation.action_server_id === 'number'
        ? [automation.action_server_id]
        : [];
    const actionEnv = env.withContext({ active_model: model, active_ids: fresh, active_id: fresh[0] });
    for (const actionId of actionIds) {
      const action = env.store.get('ir.actions.server', actionId);
      if (action) runServerAction(actionEnv, action, fresh);
    }
  }

  private activeAutomations(env: Env, model: string, triggers: ReadonlySet<string>): StoredRecord[] {
    if (!env.registry.has('base.automation')) return [];
    const modelRow = env.store.all('ir.model').find((row) => row.model === model);
    if (!modelRow) return [];
    return env.store.all('base.automation').filter((row) => row.active !== false && row.model_id === modelRow.id && triggers.has(String(row.trigger)));
  }

  private triggerFieldNames(env: Env, automation: StoredRecord): string[] {
    return ((automation.trigger_field_ids as number[] | undefined) ?? [])
      .map((id) => env.store.get('ir.model.fields', id)?.name)
      .filter((name): name is string => typeof name === 'string');
  }

  private matches(env: Env, model: string, id: number, domainText: unknown): boolean {
    const record = env.store.get(model, id);
    if (!record) return false;
    if (typeof domainText !== 'string' || domainText.trim() === '' || domainText.trim() === '[]') return true;
    const node: DomainNode = parseDomain(env, model, parsePythonLiteral(domainText, { uid: env.uid }));
    return matchesDomain(env, model, record, node);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index]);
  return a === b;
}
