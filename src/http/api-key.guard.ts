import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../shared/errors/app-error';
import { HttpSettings } from './http.settings';

/** Bearer keys from CONNECTOR_API_KEYS, compared in constant time. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly digests: Buffer[];

  constructor(settings: HttpSettings) {
    this.digests = settings.apiKeys.map(digest);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (match) {
      const given = digest(match[1]);
      if (this.digests.some((d) => timingSafeEqual(d, given))) return true;
    }
    throw new AppError('UNAUTHORIZED', 'A valid API key is required: send "Authorization: Bearer <key>" (CONNECTOR_API_KEYS).');
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
