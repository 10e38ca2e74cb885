import { DataSource } from 'typeorm';
import { returningRows } from './returning-rows';

export interface ClaimSpec {
  table: 'payment_link' | 'refund' | 'tamara_inbox' | 'erp_outbox';
  /** SET clause applied to the claimed rows; `$2` is the lease end. */
  set: string;
  /** Which rows are due, on alias `o`; `$1` is now, further parameters from `$4` on. */
  due: string;
  orderBy: string;
  extraParams?: unknown[];
}

/**
 * The one way work is claimed across replicas: due rows are locked with SKIP LOCKED (a row another
 * replica holds is skipped, never waited for) and leased in the same statement, so no two workers
 * take the same row and a crashed worker's rows come back when the lease ends.
 */
export async function claimDueRows(dataSource: DataSource, spec: ClaimSpec, now: Date, leaseUntil: Date, limit: number): Promise<string[]> {
  const rows = returningRows<{ id: string }>(
    await dataSource.query(
      `UPDATE ${spec.table} SET ${spec.set}
        WHERE id IN (
          SELECT o.id FROM ${spec.table} o
           WHERE ${spec.due}
           ORDER BY ${spec.orderBy}
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [now, leaseUntil, limit, ...(spec.extraParams ?? [])],
    ),
  );
  return rows.map((r) => r.id);
}
