import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from '../shared/errors/app-error';

/** Unknown properties are refused (no mass assignment of amount/status), and errors name each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const fields = flatten(errors);
      return new AppError('VALIDATION_FAILED', `Invalid request: ${fields.map((f) => `${f.field} ${f.problems.join(', ')}`).join('; ')}`, {
        fields,
      });
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; problems: string[] }> {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
