import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { tamaraApiProvider, tamaraNotificationVerifierProvider } from './tamara.providers';
import { TamaraApi } from './tamara-api.port';
import { TamaraNotificationVerifier } from './webhook/tamara-notification.verifier';

@Module({
  imports: [HttpModule],
  providers: [tamaraApiProvider, tamaraNotificationVerifierProvider],
  exports: [TamaraApi, TamaraNotificationVerifier],
})
export class TamaraModule {}
