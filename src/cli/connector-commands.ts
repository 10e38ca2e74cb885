import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { TamaraApi } from '../tamara/tamara-api.port';
import { TAMARA_WEBHOOK_EVENTS } from '../tamara/tamara-api.types';
import { ReconcileLinksUseCase } from '../payments/use-cases/reconcile-links.use-case';
import { ProcessTamaraNotificationsUseCase } from '../payments/use-cases/process-tamara-notifications.use-case';
import { DispatchErpOutboxUseCase } from '../erp/dispatch-erp-outbox.use-case';
import { ErpOutboxRepository } from '../erp/erp-outbox.repository';
import { Clock } from '../shared/time/clock';

const print = (line: string) => process.stdout.write(`${line}\n`);

@Command({ name: 'migrate', description: 'Apply database migrations (they also run at start)' })
export class MigrateCommand extends CommandRunner {
  async run(): Promise<void> {
    print('Database schema is up to date.'); // migrations ran while the CLI started
  }
}

@Command({ name: 'register-webhook', description: 'Register PUBLIC_URL/webhooks/tamara at Tamara (idempotent)' })
export class RegisterWebhookCommand extends CommandRunner {
  constructor(
    private readonly config: AppConfig,
    private readonly tamara: TamaraApi,
  ) {
    super();
  }

  async run(): Promise<void> {
    if (!this.config.http.publicUrl) throw new Error('PUBLIC_URL is not set: Tamara needs the connector’s public HTTPS address.');
    const url = `${this.config.http.publicUrl}/webhooks/tamara`;
    const result = await this.tamara.registerWebhook(url, TAMARA_WEBHOOK_EVENTS);
    print(`${result.alreadyRegistered ? 'Already registered' : 'Registered'}: ${url} (webhook_id ${result.webhookId})`);
  }
}

@Command({ name: 'reconcile', description: 'Run one pass of the inbox, the reconciler and ERP write-backs now' })
export class ReconcileCommand extends CommandRunner {
  constructor(
    private readonly inbox: ProcessTamaraNotificationsUseCase,
    private readonly reconcile: ReconcileLinksUseCase,
    private readonly dispatch: DispatchErpOutboxUseCase,
  ) {
    super();
  }

  async run(): Promise<void> {
    const notifications = await this.inbox.runOnce();
    const report = await this.reconcile.runOnce();
    const delivered = await this.dispatch.runOnce();
    print(`notifications ${notifications}, links checked ${report.links}, refunds checked ${report.refunds}, errors ${report.errors}, ERP write-backs ${delivered}`);
  }
}

@Command({ name: 'status', description: 'Links by status, refunds and ERP write-backs that need a person' })
export class StatusCommand extends CommandRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: ErpOutboxRepository,
  ) {
    super();
  }

  async run(): Promise<void> {
    const links: Array<{ status: string; n: number }> = await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM payment_link GROUP BY status ORDER BY status`,
    );
    print('Payment links:');
    for (const row of links) print(`  ${row.status.padEnd(20)} ${row.n}`);
    const review: Array<{ id: string; status: string; error_code: string; error_message: string }> = await this.dataSource.query(
      `SELECT id, status, error_code, error_message FROM refund WHERE status IN ('needs_review', 'unknown') ORDER BY created_at`,
    );
    print(`Refunds needing attention: ${review.length}`);
    for (const r of review) print(`  ${r.id} ${r.status} ${r.error_code ?? ''} ${r.error_message ?? ''}`);
    const parked = await this.outbox.listParked();
    print(`ERP write-backs parked: ${parked.length}`);
    for (const p of parked) print(`  #${p.id} ${p.eventType} link ${p.paymentLinkId}: ${p.lastError ?? ''}`);
  }
}

@Command({ name: 'requeue', arguments: '<outboxId>', description: 'Retry a parked ERP write-back after fixing its cause' })
export class RequeueCommand extends CommandRunner {
  constructor(
    private readonly outbox: ErpOutboxRepository,
    private readonly clock: Clock,
  ) {
    super();
  }

  async run([id]: string[]): Promise<void> {
    const ok = await this.outbox.requeue(id, this.clock.now());
    print(ok ? `Write-back #${id} is queued again.` : `No parked write-back #${id}.`);
  }
}

export const CONNECTOR_COMMANDS = [MigrateCommand, RegisterWebhookCommand, ReconcileCommand, StatusCommand, RequeueCommand];
