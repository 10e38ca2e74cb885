import { IsDefined, IsOptional, IsString, Length } from 'class-validator';
import { IsDecimalInput } from './is-decimal-input';

/** POST /api/v1/payment-links/:id/refunds (Idempotency-Key header required). */
export class CreateRefundDto {
  @IsDefined() @IsDecimalInput() amount: string | number;
  /** Shown in the order's history at Tamara. */
  @IsOptional() @IsString() @Length(1, 255) comment?: string;
}
