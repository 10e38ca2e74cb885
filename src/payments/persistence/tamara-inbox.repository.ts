import { Injectable } from '@nestjs/common';
import { claimDueRows } from '../../database/claim-due-rows';
import { DataSource } from 'typeorm';
import { TamaraInboxEntity } from './tamara-inbox.entity';
import type { TamaraNotification } from '../../tamara/tamara-api.types';

interface PendingInsert {
  notification: TamaraNotification;
  dedupeKey: string;
  receivedAt: Date;
  resolve(result: 'accepted' | 'duplicate'): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 200;
/**
 * One batch in flight: requests that arrive during a commit form the next batch, so a request waits
 * for at most one commit ahead of its own, and the database does one commit per batch (measured best
 * on 2 cores: see docs/benchmarks.md).
 */
const MAX_CONCURRENT_FLUSHES = 1;

@Injectable()
export class TamaraInboxRepository {
  private queue: PendingInsert[] = [];
  private flushes = 0;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Durable insert before the 2xx; a redelivery of the same notification only bumps a counter.
   * Concurrent calls are written together in one statement (group commit): each caller still gets
   * its answer only after the row is committed, and the database does one commit instead of many.
   */
  insert(notification: TamaraNotification, dedupeKey: string, receivedAt: Date): Promise<'accepted' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.queue.push({ notification, dedupeKey, receivedAt, resolve, reject });
      if (this.flushes < MAX_CONCURRENT_FLUSHES && this.queue.length === 1) {
        this.flushes += 1;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await this.write(batch);
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    this.flushes -= 1;
  }

  private async write(batch: PendingInsert[]): Promise<void> {
    // One row per key: copies inside the batch are duplicates of the first.
    const byKey = new Map<string, PendingInsert[]>();
    for (const item of batch) byKey.set(item.dedupeKey, [...(byKey.get(item.dedupeKey) ?? []), item]);
    const firsts = [...byKey.values()].map((items) => items[0]);
    const rows: Array<{ dedupe_key: string; inserted: boolean }> = await this.dataSource.query(
      `INSERT INTO tamara_inbox (dedupe_key, tamara_order_id, order_reference_id, event_type, data, received_at, next_attempt_at, duplicates)
       SELECT k, o, r, e, d, t, t, c
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[], $7::int[]) AS x(k, o, r, e, d, t, c)
       ON CONFLICT (dedupe_key) DO UPDATE SET duplicates = tamara_inbox.duplicates + EXCLUDED.duplicates + 1
       RETURNING dedupe_key, (xmax = 0) AS inserted`,
      [
        firsts.map((i) => i.dedupeKey),
        firsts.map((i) => i.notification.orderId),
        firsts.map((i) => i.notification.orderReferenceId ?? null),
        firsts.map((i) => i.notification.eventType),
        firsts.map((i) => JSON.stringify(i.notification.data)),
        firsts.map((i) => i.receivedAt),
        firsts.map((i) => byKey.get(i.dedupeKey)!.length - 1),
      ],
    );
    const inserted = new Map(rows.map((r) => [r.dedupe_key, r.inserted]));
    for (const [key, items] of byKey) {
      items.forEach((item, index) => item.resolve(index === 0 && inserted.get(key) ? 'accepted' : 'duplicate'));
    }
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<TamaraInboxEntity[]> {
    const ids = await claimDueRows(
      this.dataSource,
      {
        table: 'tamara_inbox',
        set: 'lease_until = $2, attempts = attempts + 1',
        due: "o.status = 'pending' AND o.next_attempt_at <= $1 AND (o.lease_until IS NULL OR o.lease_until <= $1)",
        orderBy: 'o.id',
      },
      now,
      leaseUntil,
      limit,
    );
    if (ids.length === 0) return [];
    return this.dataSource
      .getRepository(TamaraInboxEntity)
      .createQueryBuilder('i')
      .where('i.id IN (:...ids)', { ids })
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
