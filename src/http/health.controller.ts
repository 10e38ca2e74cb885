import { Controller, Get, Header } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ConnectorMetrics } from '../observability/connector-metrics';

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly metrics: ConnectorMetrics,
  ) {}

  /** The process is up (for a liveness probe; does not touch the database). */
  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  /** Ready to take work: the database answers (migrations ran before the server started listening). */
  @Get('health/ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
