import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { tamaraApiProvider } from './tamara.providers';
import { TamaraApi } from './tamara-api.port';

/** Tamara's API client. The webhook verifier is provided by the HTTP surface, which alone needs it. */
@Module({
  imports: [HttpModule],
  providers: [tamaraApiProvider],
  exports: [TamaraApi],
})
export class TamaraModule {}
