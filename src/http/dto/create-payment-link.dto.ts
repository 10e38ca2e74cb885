import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimalInput } from './is-decimal-input';

export class PaymentLinkItemDto {
  @IsString() @Length(1, 128) referenceId: string;
  @IsString() @Length(1, 255) name: string;
  @IsOptional() @IsString() @Length(1, 128) sku?: string;
  @IsOptional() @IsString() @Length(1, 50) type?: string;
  @IsDecimalInput() quantity: string | number;
  @IsOptional() @IsDecimalInput() unitPrice?: string | number;
  @IsOptional() @IsDecimalInput() taxAmount?: string | number;
  @IsOptional() @IsDecimalInput() discountAmount?: string | number;
  @IsDecimalInput() totalAmount: string | number;
}

/** POST /api/v1/payment-links. The amount is validated against the currency's scale by the core. */
export class CreatePaymentLinkDto {
  /** The sale's reference in the POS (printed on the receipt); one live link per reference. */
  @IsString() @Length(1, 100) reference: string;
  @IsDefined() @IsDecimalInput() amount: string | number;
  @IsString() @Length(3, 3) currency: string;
  @IsString() @MaxLength(32) phone: string;
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @IsOptional() @IsIn(['ar_SA', 'en_US']) locale?: 'ar_SA' | 'en_US';
  @IsOptional() @IsString() @Length(1, 100) storeCode?: string;
  @IsOptional() @IsString() @Length(1, 100) orderNumber?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PaymentLinkItemDto) items?: PaymentLinkItemDto[];
}
