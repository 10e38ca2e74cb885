import { z } from 'zod';
import type { WebhookRegistration } from '../tamara-api.types';
import { idSchema } from './tamara-money.schema';

/** `POST /webhooks` → `{ merchant_id, webhook_id, url, events, headers }`; only the id is kept. */
export const webhookRegistrationResponseSchema = z
  .object({ webhook_id: idSchema })
  .transform((wire): WebhookRegistration => ({ webhookId: wire.webhook_id, alreadyRegistered: false }));

/** `errors[0].data` of Tamara's `webhook_already_registered` error. */
export const alreadyRegisteredDataSchema = z.object({ webhook_id: idSchema });
