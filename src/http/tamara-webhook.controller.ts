import { Body, Controller, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { AppError } from '../shared/errors/app-error';
import { TamaraNotificationVerifier } from '../tamara/webhook/tamara-notification.verifier';
import { parseTamaraNotification } from '../tamara/webhook/tamara-notification.parser';
import { notificationDedupeKey } from '../tamara/webhook/notification-dedupe-key';
import { TamaraInboxRepository } from '../payments/persistence/tamara-inbox.repository';
import { ConnectorJobsService } from '../jobs/connector-jobs.service';
import { Clock } from '../shared/time/clock';
import { ConnectorMetrics } from '../observability/connector-metrics';

/**
 * Tamara's notifications (P4): verify the JWT, store in the inbox (de-duplicated), answer 2xx at
 * once; the inbox job re-reads the order from Tamara. The only anonymous route of the API, and it
 * never returns internal data.
 */
@Controller('webhooks')
export class TamaraWebhookController {
  constructor(
    private readonly verifier: TamaraNotificationVerifier,
    private readonly inbox: TamaraInboxRepository,
    private readonly jobs: ConnectorJobsService,
    private readonly metrics: ConnectorMetrics,
    private readonly clock: Clock,
  ) {}

  @Post('tamara')
  @HttpCode(200)
  async receive(
    @Headers('authorization') authorization: string | undefined,
    @Query('tamaraToken') queryToken: string | string[] | undefined,
    @Body() body: unknown,
  ): Promise<{ received: true; duplicate: boolean }> {
    const verification = await this.verifier.verify({
      authorizationHeader: authorization,
      queryToken: Array.isArray(queryToken) ? queryToken[0] : queryToken,
    });
    if (!verification.ok) {
      this.metrics.webhooks.inc({ result: 'unauthorized' });
      throw new AppError('WEBHOOK_UNAUTHORIZED', 'The notification token is missing or invalid.', { reason: verification.reason });
    }
    const parsed = parseTamaraNotification(body);
    if (!parsed.ok) {
      this.metrics.webhooks.inc({ result: 'invalid' });
      throw new AppError('VALIDATION_FAILED', 'The notification body is not a Tamara order notification.', { fields: parsed.fields });
    }
    // Durable before acknowledged: if the database is down this throws and Tamara gets a 5xx.
    const result = await this.inbox.insert(parsed.notification, notificationDedupeKey(parsed.notification), this.clock.now());
    this.metrics.webhooks.inc({ result });
    if (result === 'accepted') this.jobs.inbox.kick();
    return { received: true, duplicate: result === 'duplicate' };
  }
}
