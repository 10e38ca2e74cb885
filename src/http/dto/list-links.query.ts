import { IsString, Length } from 'class-validator';

export class ListLinksQuery {
  @IsString() @Length(1, 100) reference: string;
}
