import { Injectable } from '@nestjs/common';
import { AppError } from '../../shared/errors/app-error';
import { countryOfPhone, maskPhone, normalizeCustomerPhone } from '../../shared/phone/phone-number';
import { TamaraApi } from '../../tamara/tamara-api.port';
import { TamaraError } from '../../tamara/tamara-error';
import { PaymentsSettings } from '../payments.settings';
import { unavailableAppError } from './tamara-error.translation';

@Injectable()
export class CheckCustomerVerificationUseCase {
  constructor(
    private readonly tamara: TamaraApi,
    private readonly settings: PaymentsSettings,
  ) {}

  async execute(rawPhone: string, country?: 'SA' | 'AE') {
    const phone = normalizeCustomerPhone(rawPhone, this.settings.defaultPhoneCountry);
    const phoneCountry = country ?? countryOfPhone(phone);
    if (phoneCountry !== 'SA' && phoneCountry !== 'AE') {
      throw new AppError('VALIDATION_FAILED', 'Tamara checks ID verification for Saudi and UAE numbers only.', { field: 'country' });
    }
    try {
      const verified = await this.tamara.isCustomerIdVerified(phone, phoneCountry);
      return {
        phone: maskPhone(phone),
        country: phoneCountry,
        idVerified: verified,
        message: verified
          ? 'The customer is already verified by Tamara.'
          : 'The customer is new to Tamara and will verify their ID during checkout; allow a few extra minutes.',
      };
    } catch (error) {
      if (error instanceof TamaraError) throw unavailableAppError(error, 'check the customer');
      throw error;
    }
  }
}
