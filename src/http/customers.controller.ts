import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { IdVerificationQuery } from './dto/id-verification.query';
import { CheckCustomerVerificationUseCase } from '../payments/use-cases/check-customer-verification.use-case';

@Controller('api/v1/customers')
@UseGuards(ApiKeyGuard)
export class CustomersController {
  constructor(private readonly check: CheckCustomerVerificationUseCase) {}

  /** Lets the cashier know a first-time customer will need Tamara's ID verification (a longer checkout). */
  @Get('id-verification')
  async idVerification(@Query() query: IdVerificationQuery) {
    return this.check.execute(query.phone, query.country);
  }
}
