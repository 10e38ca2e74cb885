import type { StoredRecord } from './model-types';

type JournalEntry = { model: string; id: number; previous: StoredRecord | undefined };

/**
 * All rows of all models, plus the id sequences.
 *
 * Each RPC call runs in a transaction like Odoo's: changes are journaled and undone if the call
 * fails, but sequences are not (PostgreSQL never gives back a `nextval`, which is why the recorded
 * database shows gaps after failed creates).
 */
export class RecordStore {
  private readonly tables = new Map<string, Map<number, StoredRecord>>();
  private readonly sequences = new Map<string, number>();
  private journal: JournalEntry[] | undefined;

  /** Takes the next id of `model` (never given back). */
  allocateId(model: string): number {
    const id = this.peekNextId(model);
    this.sequences.set(model, id + 1);
    return id;
  }

  peekNextId(model: string): number {
    const next = this.sequences.get(model);
    if (next !== undefined) return next;
    const table = this.tables.get(model);
    let max = 0;
    if (table) for (const id of table.keys()) max = Math.max(max, id);
    return max + 1;
  }

  /** Moves a sequence (e.g. to line ids up with a recorded database); never below existing rows. */
  setNextId(model: string, next: number): void {
    this.sequences.set(model, next);
  }

  get(model: string, id: number): StoredRecord | undefined {
    return this.tables.get(model)?.get(id);
  }

  has(model: string, id: number): boolean {
    return this.tables.get(model)?.has(id) ?? false;
  }

  /** All rows of a model, by ascending id. */
  all(model: string): StoredRecord[] {
    const table = this.tables.get(model);
    if (!table) return [];
    return [...table.values()].sort((a, b) => a.id - b.id);
  }

  insert(model: string, record: StoredRecord): void {
    const table = this.table(model);
    if (table.has(record.id)) throw new Error(`duplicate id ${model}(${record.id})`);
    this.remember(model, record.id, undefined);
    table.set(record.id, { ...record });
  }

  update(model: string, id: number, patch: Readonly<Record<string, unknown>>): void {
    const table = this.table(model);
    const current = table.get(id);
    if (!current) throw new Error(`update of missing ${model}(${id})`);
    this.remember(model, id, current);
    table.set(id, { ...current, ...patch, id });
  }

  remove(model: string, id: number): void {
    const table = this.table(model);
    const current = table.get(id);
    if (!current) return;
    this.remember(model, id, current);
    table.delete(id);
  }

  /** Runs `work` atomically: on a throw every change it made is undone (sequences excepted). */
  transaction<T>(work: () => T): T {
    if (this.journal) return work();
    this.journal = [];
    try {
      const result = work();
      this.journal = undefined;
      return result;
    } catch (error) {
      const entries = this.journal ?? [];
      this.journal = undefined;
      for (const entry of entries.reverse()) {
        const table = this.table(entry.model);
        if (entry.previous) table.set(entry.id, entry.previous);
        else table.delete(entry.id);
      }
      throw error;
    }
  }

  private remember(model: string, id: number, previous: StoredRecord | undefined): void {
    this.journal?.push({ model, id, previous });
  }

  private table(model: string): Map<number, StoredRecord> {
    let table = this.tables.get(model);
    if (!table) {
      table = new Map();
      this.tables.set(model, table);
    }
    return table;
  }
}
