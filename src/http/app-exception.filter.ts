import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { AppError } from '../shared/errors/app-error';
import { MoneyError } from '../shared/money/money';
import { ErrorCode } from '../shared/errors/error-codes';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** Every error leaves as `{ error: { code, message, details } }`; unknown errors never leak internals. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{
      status(code: number): { json(body: ErrorBody): void };
      setHeader(name: string, value: string): void;
      headersSent?: boolean;
    }>();
    if (response.headersSent) return;
    const { status, body, retryAfter } = this.toResponse(exception);
    if (retryAfter) response.setHeader('Retry-After', String(retryAfter));
    response.status(status).json(body);
  }

  private toResponse(exception: unknown): { status: number; body: ErrorBody; retryAfter?: number } {
    if (exception instanceof MoneyError) exception = new AppError(exception.code, exception.message, { field: 'amount' });
    if (exception instanceof AppError) {
      return {
        status: exception.httpStatus,
        body: { error: { code: exception.code, message: exception.message, ...(exception.details ? { details: exception.details } : {}) } },
        retryAfter: exception.retryAfterSeconds,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code: ErrorCode | 'HTTP_ERROR' =
        status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 400 ? 'VALIDATION_FAILED' : status === 401 ? 'UNAUTHORIZED' : 'HTTP_ERROR';
      const raw = exception.getResponse();
      const message = typeof raw === 'string' ? raw : ((raw as { message?: string | string[] }).message ?? exception.message);
      return { status, body: { error: { code, message: Array.isArray(message) ? message.join('; ') : String(message) } } };
    }
    const name = (exception as { type?: string; name?: string } | null)?.type;
    if (name === 'entity.too.large') {
      return { status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' } } };
    }
    if (name === 'entity.parse.failed') {
      return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'The request body is not valid JSON.' } } };
    }
    if (isDatabaseDown(exception)) {
      return {
        status: 503,
        body: { error: { code: 'DATABASE_UNAVAILABLE', message: 'The connector’s database is unavailable; nothing was done. Try again shortly.' } },
        retryAfter: 5,
      };
    }
    this.logger.error({ err: exception }, 'Unhandled error');
    return { status: 500, body: { error: { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred; nothing was charged. The error was logged.' } } };
  }
}

function isDatabaseDown(e: unknown): boolean {
  const code = (e as { code?: string; driverError?: { code?: string } } | null)?.code ?? (e as { driverError?: { code?: string } })?.driverError?.code;
  const message = e instanceof Error ? e.message : '';
  return (
    code === 'ECONNREFUSED' ||
    code === '57P01' ||
    code === '57P03' ||
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|database is not established|Driver not Connected|Cannot use a pool after calling end/i.test(message)
  );
}
