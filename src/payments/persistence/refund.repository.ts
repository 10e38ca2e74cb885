import { Injectable } from '@nestjs/common';
import { claimDueRows } from '../../database/claim-due-rows';
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

  /** next_check_at doubles as the lease: a claimed refund is not due again before leaseUntil. */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<string[]> {
    return claimDueRows(
      this.dataSource,
      { table: 'refund', set: 'next_check_at = $2', due: "o.next_check_at IS NOT NULL AND o.next_check_at <= $1 AND o.status IN ('requested', 'unknown')", orderBy: 'o.next_check_at' },
      now,
      leaseUntil,
      limit,
    );
  }
}
