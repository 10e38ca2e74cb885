import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * A number or a string of digits. Only the *shape* is checked here; sign, scale and currency are
 * the core's business (they have their own error codes: INVALID_AMOUNT, TOO_MANY_DECIMALS).
 */
export function IsDecimalInput(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimalInput',
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim().length > 0 && value.length <= 32),
        defaultMessage: () => 'must be a decimal number, e.g. "100.00"',
      },
    },
    options,
  );
}
