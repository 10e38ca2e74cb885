import type { LoggerService } from '@nestjs/common';

/** Tests assert on outcomes; the expected errors they provoke need not fill the output. */
export const SILENT_LOGGER: LoggerService = {
  log: () => undefined,
  error: () => undefined,
  warn: () => undefined,
  debug: () => undefined,
  verbose: () => undefined,
};
