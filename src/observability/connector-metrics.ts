import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The connector's Prometheus metrics, on a registry of its own (exposed at GET /metrics). */
@Injectable()
export class ConnectorMetrics {
  readonly registry = new Registry();

  readonly linkTransitions = new Counter({
    name: 'tamara_link_transitions_total',
    help: 'Payment link status changes, by new status and cause',
    labelNames: ['to', 'cause'] as const,
    registers: [this.registry],
  });

  readonly tamaraCalls = new Counter({
    name: 'tamara_api_calls_total',
    help: 'Calls to Tamara by operation and outcome',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly webhooks = new Counter({
    name: 'tamara_webhooks_total',
    help: 'Tamara notifications received, by result (accepted, duplicate, unauthorized, invalid)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly unrecognisedStatuses = new Counter({
    name: 'tamara_unrecognised_status_total',
    help: 'Order statuses from Tamara that the connector does not know (schema drift)',
    registers: [this.registry],
  });

  readonly refunds = new Counter({
    name: 'tamara_refunds_total',
    help: 'Refund outcomes',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  readonly erpDeliveries = new Counter({
    name: 'erp_outbox_deliveries_total',
    help: 'ERP write-back attempts by result',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly overdueLinks = new Gauge({
    name: 'tamara_links_overdue',
    help: 'Links still live after their expiry plus grace (should be 0; alert when not)',
    registers: [this.registry],
  });

  readonly erpBacklog = new Gauge({
    name: 'erp_outbox_pending',
    help: 'ERP write-backs waiting (including those backing off)',
    registers: [this.registry],
  });

  readonly erpParked = new Gauge({
    name: 'erp_outbox_parked',
    help: 'ERP write-backs parked for a person (business errors)',
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'connector_job_duration_seconds',
    help: 'Duration of one run of a scheduled job',
    labelNames: ['job'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
