import { Injectable } from '@nestjs/common';
import { returningRows } from '../../database/returning-rows';
import { DataSource } from 'typeorm';
import { TamaraInboxEntity } from './tamara-inbox.entity';
import type { TamaraNotification } from '../../tamara/tamara-api.types';

@Injectable()
export class TamaraInboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Durable insert before the 2xx; a redelivery of the same notification only bumps a counter. */
  async insert(notification: TamaraNotification, dedupeKey: string, receivedAt: Date): Promise<'accepted' | 'duplicate'> {
    const rows: Array<{ inserted: boolean }> = await this.dataSource.query(
      `INSERT INTO tamara_inbox (dedupe_key, tamara_order_id, order_reference_id, event_type, data, received_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (dedupe_key) DO UPDATE SET duplicates = tamara_inbox.duplicates + 1
       RETURNING (xmax = 0) AS inserted`,
      [dedupeKey, notification.orderId, notification.orderReferenceId ?? null, notification.eventType, JSON.stringify(notification.data), receivedAt],
    );
    return rows[0].inserted ? 'accepted' : 'duplicate';
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<TamaraInboxEntity[]> {
    const ids = returningRows<{ id: string }>(await this.dataSource.query(
      `UPDATE tamara_inbox SET lease_until = $2, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM tamara_inbox
           WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
           ORDER BY id
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [now, leaseUntil, limit],
    ));
    if (ids.length === 0) return [];
    return this.dataSource
      .getRepository(TamaraInboxEntity)
      .createQueryBuilder('i')
      .where('i.id IN (:...ids)', { ids: ids.map((r) => r.id) })
      .orderBy('i.id')
      .getMany();
  }

  async finish(id: string, status: 'processed' | 'ignored', now: Date, note?: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE tamara_inbox SET status = $2, processed_at = $3, lease_until = NULL, last_error = $4 WHERE id = $1`,
      [id, status, now, note ?? null],
    );
  }

  async retryLater(id: string, at: Date, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE tamara_inbox SET next_attempt_at = $2, lease_until = NULL, last_error = $3 WHERE id = $1`, [
      id,
      at,
      error.slice(0, 500),
    ]);
  }
}
