import { IssueCollector } from '../validation/field-issues';
import { recognisePhone } from '../validation/phone-number';
import { TamaraErrors } from '../tamara-api-error';
import type { MerchantEndpoint } from './merchant-request';

const ID_VERIFICATION_COUNTRIES = ['SA', 'AE'] as const;

/** `GET /merchants/customer/id-verification-status?phone_number=&country_code=` → `{is_id_verified}`. */
export const idVerificationStatus: MerchantEndpoint = {
  route: 'id_verification_status',
  handle({ query }, core) {
    const issues = new IssueCollector();
    const phoneNumber = query.get('phone_number') ?? '';
    const countryCode = query.get('country_code') ?? '';
    if (phoneNumber === '') issues.required('phone_number');
    if (countryCode === '') issues.required('country_code');
    else if (!(ID_VERIFICATION_COUNTRIES as readonly string[]).includes(countryCode)) {
      issues.invalid('country_code', `must be one of ${ID_VERIFICATION_COUNTRIES.join(', ')}`);
    }
    issues.throwIfAny();
    const phone = recognisePhone(phoneNumber, countryCode as (typeof ID_VERIFICATION_COUNTRIES)[number]);
    if (!phone) throw TamaraErrors.invalidPhoneNumber();
    return { is_id_verified: core.options.idVerifiedPhones.includes(phone.international) };
  },
};
