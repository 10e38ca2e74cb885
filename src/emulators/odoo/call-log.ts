/** One call the emulator received (every transport), for assertions in tests. */
export interface CallLogEntry {
  readonly at: Date;
  readonly transport: 'jsonrpc' | 'web' | 'json2' | 'ui';
  /** JSON-RPC service ("common", "object", "db") or the HTTP route for session/JSON-2 calls. */
  readonly service: string;
  /** Model of an object call (undefined for common/db calls). */
  readonly model?: string;
  /** Model method, or the service method (e.g. "authenticate"). */
  readonly method: string;
  readonly args: readonly unknown[];
  readonly kwargs: Readonly<Record<string, unknown>>;
  readonly uid?: number;
  /** 'ok', or the Python exception name Odoo answered with. */
  outcome: string;
  /** The injected fault that answered instead of Odoo, if any. */
  fault?: string;
}

export class CallLog {
  readonly entries: CallLogEntry[] = [];

  record(entry: Omit<CallLogEntry, 'at' | 'outcome'> & { at?: Date }): CallLogEntry {
    const full: CallLogEntry = { ...entry, at: entry.at ?? new Date(), outcome: 'pending' };
    this.entries.push(full);
    return full;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
