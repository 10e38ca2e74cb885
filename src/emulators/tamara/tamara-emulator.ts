import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControlRequest } from './control/control-api.handler';
import { EmulatorControls } from './control/emulator-controls';
import { EmulatorCore } from './emulator-core';
import { BodyTooLargeError, readBody, sendJsonText } from './http/http-io';
import { stringifyJson } from './http/json-codec';
import { MerchantApiHandler } from './http/merchant-api.handler';
import { TamaraErrors, errorEnvelope } from './tamara-api-error';
import { TamaraEmulatorOptions, resolveEmulatorOptions } from './tamara-emulator.options';

export type { TamaraEmulatorOptions } from './tamara-emulator.options';
export type { DeclineInput, WebhookRegistrationInput } from './control/emulator-controls';
export type { EmulatorOrderSnapshot, WireMoney } from './control/order-snapshot';
export type { FaultInput, FaultRule, ApiRoute } from './faults/fault-rule';
export type { ActiveFault } from './faults/fault-book';
export type { RecordedCall, SentSms, WebhookDeliveryRecord } from './records/emulator-records';
export { TamaraApiError } from './tamara-api-error';

const CONTROL_PREFIX = '/_emulator';

/**
 * A running emulator: its base URL, `close()`, and the same controls the `/_emulator/` API
 * offers, as methods (customer actions, clock, records, faults, webhooks, reset).
 */
export class TamaraEmulator extends EmulatorControls {
  private constructor(
    core: EmulatorCore,
    private readonly server: http.Server,
    readonly url: string,
    private readonly stopTimers: () => void,
  ) {
    super(core);
  }

  /** The options in force (defaults filled in). */
  get options(): Readonly<TamaraEmulatorOptions> {
    return this.core.options;
  }

  /** Stops the timers, aborts webhook deliveries and withheld answers, and closes the server. */
  async close(): Promise<void> {
    this.stopTimers();
    this.core.dispatcher.stop();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** @internal use `startTamaraEmulator`. */
  static async start(input: Partial<TamaraEmulatorOptions> = {}): Promise<TamaraEmulator> {
    const options = resolveEmulatorOptions(input);
    let baseUrl = '';
    const core = new EmulatorCore(options, () => options.checkoutBaseUrl ?? `${baseUrl}${CONTROL_PREFIX}`);
    const withheld = new Set<NodeJS.Timeout>();
    const merchantApi = new MerchantApiHandler(core, withheld);
    let emulator: TamaraEmulator | undefined;

    const server = http.createServer((request, response) => {
      void (async () => {
        const url = new URL(request.url ?? '/', 'http://emulator.local');
        let rawBody: string;
        try {
          rawBody = await readBody(request);
        } catch (error) {
          const status = error instanceof BodyTooLargeError ? 413 : 400;
          return sendJsonText(response, status, stringifyJson(errorEnvelope(String((error as Error).message), [{ error_code: 'invalid_request_body' }])));
        }
        if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
          if (!emulator) throw new Error('emulator not started');
          return handleControlRequest(request, response, url, rawBody, emulator, core);
        }
        return merchantApi.handle(request, response, url, rawBody);
      })().catch((error: unknown) => {
        // A bug in the emulator, not an emulated behaviour: answer 500 and say so on stderr.
        process.stderr.write(`tamara-emulator: ${(error as Error).stack ?? String(error)}\n`);
        sendJsonText(response, 500, stringifyJson(TamaraErrors.serverError(500).toEnvelope()));
      });
    });

    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    baseUrl = `http://${host}:${address.port}`;

    const sweep = setInterval(() => void core.sweepExpired(), options.expirySweepIntervalMs);
    sweep.unref();
    const stopTimers = () => {
      clearInterval(sweep);
      for (const timer of withheld) clearTimeout(timer);
      withheld.clear();
    };
    emulator = new TamaraEmulator(core, server, baseUrl, stopTimers);
    return emulator;
  }
}

/** Starts an emulator (port 0 = a free port on 127.0.0.1 by default). */
export function startTamaraEmulator(options: Partial<TamaraEmulatorOptions> = {}): Promise<TamaraEmulator> {
  return TamaraEmulator.start(options);
}
