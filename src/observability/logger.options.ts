import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import { createLogScrubber } from './log-scrubber';

const SENSITIVE_KEYS = [
  'authorization',
  'cookie',
  'phone',
  'phone_number',
  'phoneNumber',
  'mobile',
  'email',
  'national_id',
  'nationalId',
  'date_of_birth',
  'token',
  'apiKey',
  'api_key',
  'apiToken',
  'password',
  'tamaraToken',
  'consumer',
  'shipping_address',
  'billing_address',
];

/**
 * Top-level field redaction only: pino applies these paths to every child logger's bindings, on
 * every request, so each path costs throughput. Nested places are covered by the line scrubber
 * (log-scrubber.ts), which sees every written line.
 */
const REDACT_PATHS = ['req.headers.authorization', 'req.headers.cookie', ...SENSITIVE_KEYS];

/** A URL without its query string: Tamara puts the webhook token in `?tamaraToken=`. */
export function urlWithoutQuery(url: string | undefined): string | undefined {
  return url?.split('?')[0];
}

export function buildLoggerParams(level: string, secrets: string[], destination?: pino.DestinationStream): Params {
  const scrub = createLogScrubber(secrets);
  const options = {
      level,
      // Field paths catch structured values before serialisation; the scrubber catches the rest.
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      hooks: { streamWrite: scrub },
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{8,100}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (req: { id?: string; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: urlWithoutQuery(req.url) }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: (err: Error & { code?: string; kind?: string }) => ({
          type: err?.name,
          message: err?.message,
          code: err?.code ?? err?.kind,
          stack: err?.stack,
        }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)/.test(req.url ?? '') },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  };
  return {
    pinoHttp: (destination ? [options, destination] : options) as Params['pinoHttp'],
    forRoutes: ['*path'],
  };
}
