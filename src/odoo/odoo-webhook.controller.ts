import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../shared/errors/app-error';
import { AppConfig } from '../config/app-config';
import { OdooTriggersJob } from './odoo-triggers.job';

/**
 * Odoo's automation rule calls this when "Pay with Tamara" or a credit note changes. Odoo sends it
 * without retry, without signature and before its transaction commits, so it is only a hint: it
 * makes the next poll start now, and the poll reads the committed state over RPC.
 */
@Controller('webhooks')
export class OdooWebhookController {
  private readonly expected?: Buffer;

  constructor(
    config: AppConfig,
    private readonly triggers: OdooTriggersJob,
  ) {
    this.expected = config.odoo.webhookToken ? digest(config.odoo.webhookToken) : undefined;
  }

  @Post('odoo')
  @HttpCode(200)
  receive(@Query('token') token: string | undefined, @Body() _body: unknown): { received: true } {
    if (!this.expected || !token || !timingSafeEqual(digest(token), this.expected)) {
      throw new AppError('WEBHOOK_UNAUTHORIZED', 'Unknown or missing token (ODOO_WEBHOOK_TOKEN).');
    }
    // Give Odoo's transaction a moment to commit before the poll reads it.
    setTimeout(() => this.triggers.kick(), 1_000).unref();
    return { received: true };
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
