import { Injectable } from '@nestjs/common';
import { returningRows } from '../../database/returning-rows';
import { DataSource, EntityManager, In } from 'typeorm';
import { RefundEntity } from './refund.entity';

@Injectable()
export class RefundRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RefundEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<RefundEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByRequestKey(key: string, manager?: EntityManager): Promise<RefundEntity | null> {
    return this.repo(manager).findOneBy({ requestKey: key });
  }

  listForLink(linkId: string, manager?: EntityManager): Promise<RefundEntity[]> {
    return this.repo(manager).find({ where: { paymentLinkId: linkId }, order: { createdAt: 'ASC' } });
  }

  /** Refunds that count against the refundable balance: done, or possibly done. */
  listCommittedForLink(manager: EntityManager, linkId: string): Promise<RefundEntity[]> {
    return this.repo(manager).find({
      where: { paymentLinkId: linkId, status: In(['requested', 'unknown', 'succeeded', 'needs_review']) },
    });
  }

  save(manager: EntityManager, row: RefundEntity): Promise<RefundEntity> {
    row.updatedAt = new Date();
    return manager.getRepository(RefundEntity).save(row);
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<string[]> {
    // next_check_at doubles as the lease: a claimed refund is not due again before leaseUntil.
    const rows = returningRows<{ id: string }>(await this.dataSource.query(
      `UPDATE refund SET next_check_at = $2
        WHERE id IN (
          SELECT id FROM refund
           WHERE next_check_at IS NOT NULL AND next_check_at <= $1 AND status IN ('requested', 'unknown')
           ORDER BY next_check_at
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [now, leaseUntil, limit],
    ));
    return rows.map((r) => r.id);
  }
}
