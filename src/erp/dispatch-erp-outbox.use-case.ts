import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Clock } from '../shared/time/clock';
import { ERP_ADAPTERS, ErpAdapter, ErpError } from './erp-port';
import { ErpOutboxRepository } from './erp-outbox.repository';
import { reviveErpEvent } from './erp-event.codec';
import { ConnectorMetrics } from '../observability/connector-metrics';

const LEASE_MS = 120_000;
const AUTH_PAUSE_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 30 * 60_000;

/**
 * Delivers recorded ERP write-backs to the adapter of each document source, at least once and in
 * order per link. Retryable failures back off; business failures are parked for a person with the
 * ERP's message; refused credentials pause the whole adapter (one alert, no retry storm — D2).
 */
@Injectable()
export class DispatchErpOutboxUseCase {
  private readonly logger = new Logger(DispatchErpOutboxUseCase.name);
  private readonly pausedUntil = new Map<ErpAdapter, number>();

  constructor(
    private readonly outbox: ErpOutboxRepository,
    private readonly clock: Clock,
    private readonly metrics: ConnectorMetrics,
    @Optional() @Inject(ERP_ADAPTERS) private readonly adapters: ErpAdapter[] = [],
  ) {}

  async runOnce(limit = 50): Promise<number> {
    const now = this.clock.now();
    const active = this.adapters.filter((a) => (this.pausedUntil.get(a) ?? 0) <= now.getTime());
    const sources = active.flatMap((a) => [...a.sources]);
    const batch = await this.outbox.claimHeads(now, new Date(now.getTime() + LEASE_MS), limit, sources);
    for (const item of batch) {
      const adapter = active.find((a) => a.sources.includes(item.documentSource as never))!;
      if ((this.pausedUntil.get(adapter) ?? 0) > this.clock.now().getTime()) {
        await this.outbox.retryLater(item.id, new Date(this.pausedUntil.get(adapter)!), 'adapter paused');
        continue;
      }
      try {
        await adapter.handle(reviveErpEvent(item.payload));
        await this.outbox.markDone(item.id, this.clock.now());
        this.metrics.erpDeliveries.inc({ result: 'done' });
      } catch (error) {
        await this.onFailure(adapter, item.id, item.attempts, error);
      }
    }
    const counts = await this.outbox.counts();
    this.metrics.erpBacklog.set(counts.pending);
    this.metrics.erpParked.set(counts.parked);
    return batch.length;
  }

  private async onFailure(adapter: ErpAdapter, id: string, attempts: number, error: unknown): Promise<void> {
    const now = this.clock.now().getTime();
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ErpError && error.kind === 'business') {
      this.metrics.erpDeliveries.inc({ result: 'parked' });
      this.logger.error({ outboxId: id, code: error.code, reason: message }, 'ERP write-back parked for review');
      await this.outbox.park(id, `${error.code}: ${message}`);
      return;
    }
    if (error instanceof ErpError && error.kind === 'auth') {
      if ((this.pausedUntil.get(adapter) ?? 0) <= now) {
        this.logger.error({ reason: message }, 'ERP refused the connector’s credentials; write-backs paused');
      }
      this.pausedUntil.set(adapter, now + AUTH_PAUSE_MS);
      this.metrics.erpDeliveries.inc({ result: 'auth_paused' });
      await this.outbox.retryLater(id, new Date(now + AUTH_PAUSE_MS), message);
      return;
    }
    const backoff = Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** Math.min(attempts, 12));
    this.metrics.erpDeliveries.inc({ result: 'retry' });
    this.logger.warn({ outboxId: id, reason: message }, 'ERP write-back failed; will retry');
    await this.outbox.retryLater(id, new Date(now + backoff), message);
  }
}
