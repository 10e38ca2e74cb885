import { Injectable } from '@nestjs/common';
import { claimDueRows } from '../../database/claim-due-rows';
import { DataSource, EntityManager, In } from 'typeorm';
import { PaymentLinkEntity } from './payment-link.entity';
import { LIVE_STATUSES } from '../domain/payment-link-status';

const LIVE_SQL = LIVE_STATUSES.map((s) => `'${s}'`).join(', ');

@Injectable()
export class PaymentLinkRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(PaymentLinkEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<PaymentLinkEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Row lock for the rest of the transaction (P8: one writer per link). */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<PaymentLinkEntity | null> {
    return manager
      .getRepository(PaymentLinkEntity)
      .createQueryBuilder('l')
      .setLock('pessimistic_write')
      .where('l.id = :id', { id })
      .getOne();
  }

  findByIdempotencyKey(key: string, manager?: EntityManager): Promise<PaymentLinkEntity | null> {
    return this.repo(manager).findOneBy({ idempotencyKey: key });
  }

  findByTamaraOrderId(orderId: string, manager?: EntityManager): Promise<PaymentLinkEntity | null> {
    return this.repo(manager).findOneBy({ tamaraOrderId: orderId });
  }

  findByOrderReference(orderReferenceId: string, manager?: EntityManager): Promise<PaymentLinkEntity | null> {
    return this.repo(manager).findOneBy({ orderReferenceId });
  }

  findLiveForDocument(source: string, documentId: string, manager?: EntityManager): Promise<PaymentLinkEntity | null> {
    return this.repo(manager).findOne({
      where: { documentSource: source as PaymentLinkEntity['documentSource'], documentId, status: In([...LIVE_STATUSES]) },
    });
  }

  listForDocument(source: string, documentId: string, manager?: EntityManager): Promise<PaymentLinkEntity[]> {
    return this.repo(manager).find({
      where: { documentSource: source as PaymentLinkEntity['documentSource'], documentId },
      order: { attempt: 'ASC' },
    });
  }

  /** Live links of ERP documents (not API links), for the bridge's cancellation and renaming checks. */
  listLiveForSources(sources: string[], limit = 500): Promise<PaymentLinkEntity[]> {
    return this.repo().find({
      where: { documentSource: In(sources as PaymentLinkEntity['documentSource'][]), status: In([...LIVE_STATUSES]) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  latestForDocument(source: string, documentId: string, manager?: EntityManager): Promise<PaymentLinkEntity | null> {
    return this.repo(manager).findOne({
      where: { documentSource: source as PaymentLinkEntity['documentSource'], documentId },
      order: { attempt: 'DESC' },
    });
  }

  listByReference(reference: string, limit = 50): Promise<PaymentLinkEntity[]> {
    return this.repo()
      .createQueryBuilder('l')
      .where('l.document_reference = :reference OR l.order_reference_id = :reference', { reference })
      .orderBy('l.created_at', 'DESC')
      .limit(limit)
      .getMany();
  }

  async countSince(manager: EntityManager, source: string, documentId: string, since: Date): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM payment_link WHERE document_source = $1 AND document_id = $2 AND created_at >= $3`,
      [source, documentId, since],
    );
    return Number(rows[0].n);
  }

  async nextAttempt(manager: EntityManager, source: string, documentId: string): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query(
      `SELECT COALESCE(MAX(attempt), 0) + 1 AS n FROM payment_link WHERE document_source = $1 AND document_id = $2`,
      [source, documentId],
    );
    return Number(rows[0].n);
  }

  insert(manager: EntityManager, row: PaymentLinkEntity): Promise<PaymentLinkEntity> {
    return manager.getRepository(PaymentLinkEntity).save(row);
  }

  save(manager: EntityManager, row: PaymentLinkEntity): Promise<PaymentLinkEntity> {
    row.updatedAt = new Date();
    return manager.getRepository(PaymentLinkEntity).save(row);
  }

  /**
   * Claims links that are due for a check, so that several replicas share the work without doing
   * it twice: rows are locked with SKIP LOCKED and leased until `leaseUntil` in one statement.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<string[]> {
    return claimDueRows(
      this.dataSource,
      { table: 'payment_link', set: 'lease_until = $2', due: 'o.next_check_at IS NOT NULL AND o.next_check_at <= $1 AND (o.lease_until IS NULL OR o.lease_until <= $1)', orderBy: 'o.next_check_at' },
      now,
      leaseUntil,
      limit,
    );
  }

  countLiveOverdue(before: Date): Promise<number> {
    return this.dataSource
      .query(`SELECT count(*)::int AS n FROM payment_link WHERE status IN (${LIVE_SQL}) AND expires_at < $1`, [before])
      .then((rows: Array<{ n: number }>) => Number(rows[0].n));
  }
}
