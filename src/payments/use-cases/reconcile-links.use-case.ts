import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../shared/time/clock';
import { TamaraError } from '../../tamara/tamara-error';
import { isLive } from '../domain/payment-link-status';
import { PaymentLinkRepository } from '../persistence/payment-link.repository';
import { RefundRepository } from '../persistence/refund.repository';
import { PaymentsSettings } from '../payments.settings';
import { ApplyTamaraOrderUseCase } from './apply-tamara-order.use-case';
import { CreatePaymentLinkUseCase } from './create-payment-link.use-case';
import { RefundPaymentUseCase } from './refund-payment.use-case';
import { ConnectorMetrics } from '../../observability/connector-metrics';

export interface ReconcileReport {
  links: number;
  refunds: number;
  errors: number;
}

/**
 * One pass of the safety net (P5): claims the links and refunds that are due (SKIP LOCKED + lease,
 * so replicas share the work and never check one order twice at once) and brings each up to date
 * from Tamara through the same code path as webhooks.
 */
@Injectable()
export class ReconcileLinksUseCase {
  private readonly logger = new Logger(ReconcileLinksUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly links: PaymentLinkRepository,
    private readonly refunds: RefundRepository,
    private readonly applyOrder: ApplyTamaraOrderUseCase,
    private readonly creator: CreatePaymentLinkUseCase,
    private readonly refundUseCase: RefundPaymentUseCase,
    private readonly clock: Clock,
    private readonly settings: PaymentsSettings,
    private readonly metrics: ConnectorMetrics,
  ) {}

  async runOnce(): Promise<ReconcileReport> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.settings.leaseSeconds * 1000);
    const report: ReconcileReport = { links: 0, refunds: 0, errors: 0 };

    for (const id of await this.links.claimDue(now, leaseUntil, this.settings.batchSize)) {
      report.links += 1;
      try {
        const link = await this.links.findById(id);
        if (!link) continue;
        if (link.status === 'requested') await this.creator.recover(id);
        else if (isLive(link.status) && link.tamaraOrderId) await this.applyOrder.syncFromTamara(id, 'poll');
        else await this.stopChecking(id);
      } catch (error) {
        report.errors += 1;
        await this.retryLater(id, error);
      }
    }

    for (const id of await this.refunds.claimDue(now, leaseUntil, this.settings.batchSize)) {
      report.refunds += 1;
      try {
        await this.refundUseCase.resolve(id);
      } catch (error) {
        report.errors += 1;
        this.logger.warn({ refundId: id, reason: describe(error) }, 'Refund check failed; will retry');
      }
    }

    const graceAgo = new Date(now.getTime() - this.settings.expiryGraceSeconds * 1000);
    this.metrics.overdueLinks.set(await this.links.countLiveOverdue(graceAgo));
    return report;
  }

  private async stopChecking(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE payment_link SET next_check_at = NULL, lease_until = NULL WHERE id = $1`, [id]);
  }

  private async retryLater(id: string, error: unknown): Promise<void> {
    const retryAfterMs = error instanceof TamaraError && error.details.retryAfterMs ? error.details.retryAfterMs : 15_000;
    this.logger.warn({ linkId: id, reason: describe(error) }, 'Link check failed; will retry');
    await this.dataSource.query(`UPDATE payment_link SET next_check_at = $2, lease_until = NULL WHERE id = $1`, [
      id,
      new Date(this.clock.now().getTime() + retryAfterMs),
    ]);
  }
}

function describe(error: unknown): string {
  if (error instanceof TamaraError) return `tamara ${error.kind}${error.details.httpStatus ? ` ${error.details.httpStatus}` : ''}`;
  return error instanceof Error ? error.message : String(error);
}
