import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class IdVerificationQuery {
  @IsString() @Length(5, 32) phone: string;
  @IsOptional() @IsIn(['SA', 'AE']) country?: 'SA' | 'AE';
}
