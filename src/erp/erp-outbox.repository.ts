import { Injectable } from '@nestjs/common';
import { returningRows } from '../database/returning-rows';
import { claimDueRows } from '../database/claim-due-rows';
import { DataSource } from 'typeorm';
import { ErpOutboxEntity } from '../payments/persistence/erp-outbox.entity';

@Injectable()
export class ErpOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the oldest pending event of each link (only the head of a link's queue is claimable),
   * so events of one document are delivered in order and by one worker at a time (P8).
   */
  async claimHeads(now: Date, leaseUntil: Date, limit: number, sources: string[]): Promise<ErpOutboxEntity[]> {
    if (sources.length === 0) return [];
    const ids = await claimDueRows(
      this.dataSource,
      {
        table: 'erp_outbox',
        set: 'lease_until = $2, attempts = attempts + 1',
        due: `o.status = 'pending' AND o.next_attempt_at <= $1
              AND (o.lease_until IS NULL OR o.lease_until <= $1)
              AND o.document_source = ANY($4)
              AND NOT EXISTS (SELECT 1 FROM erp_outbox p
                               WHERE p.payment_link_id = o.payment_link_id AND p.status = 'pending' AND p.id < o.id)`,
        orderBy: 'o.id',
        extraParams: [sources],
      },
      now,
      leaseUntil,
      limit,
    );
    if (ids.length === 0) return [];
    return this.dataSource
      .getRepository(ErpOutboxEntity)
      .createQueryBuilder('o')
      .where('o.id IN (:...ids)', { ids })
      .orderBy('o.id')
      .getMany();
  }

  async markDone(id: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE erp_outbox SET status = 'done', done_at = $2, lease_until = NULL, last_error = NULL WHERE id = $1`, [id, now]);
  }

  async park(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE erp_outbox SET status = 'parked', lease_until = NULL, last_error = $2 WHERE id = $1`, [id, error.slice(0, 1000)]);
  }

  async retryLater(id: string, at: Date, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE erp_outbox SET next_attempt_at = $2, lease_until = NULL, last_error = $3 WHERE id = $1`, [id, at, error.slice(0, 1000)]);
  }

  /** Puts a parked event back in the queue (after a person fixed the cause). */
  async requeue(id: string, now: Date): Promise<boolean> {
    const rows = returningRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE erp_outbox SET status = 'pending', next_attempt_at = $2, attempts = 0 WHERE id = $1 AND status = 'parked' RETURNING id`,
        [id, now],
      ),
    );
    return rows.length > 0;
  }

  async counts(): Promise<{ pending: number; parked: number }> {
    const rows: Array<{ status: string; n: number }> = await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM erp_outbox WHERE status IN ('pending', 'parked') GROUP BY status`,
    );
    const get = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
    return { pending: get('pending'), parked: get('parked') };
  }

  /** True while some write-back of the link has not reached the ERP yet. */
  async hasUndelivered(linkId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM erp_outbox WHERE payment_link_id = $1 AND status IN ('pending', 'parked') LIMIT 1`,
      [linkId],
    );
    return rows.length > 0;
  }

  listParked(limit = 100): Promise<ErpOutboxEntity[]> {
    return this.dataSource.getRepository(ErpOutboxEntity).find({ where: { status: 'parked' }, order: { id: 'ASC' }, take: limit });
  }
}
