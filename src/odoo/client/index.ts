/** Public surface of the Odoo external-API client. */
export { OdooClient, type OdooClientOptions, type OdooProtocolSetting } from './odoo-client';
export { OdooError, ODOO_ERROR_KINDS, isOdooError, type OdooErrorKind, type OdooErrorDetails, type OdooProtocol } from './odoo-error';
export { kindForOdooException, kindForHttpStatus } from './odoo-error.mapper';
export { OdooModelCalls, type SearchReadOptions, type ReadOptions, type SearchOptions, type ContextOption, type FieldsGetOptions, type MessagePostOptions, type WizardRun, type OdooFieldDescription } from './odoo-model-calls';
export { METHOD_SIGNATURES, toJson2Body } from './json2-call-mapping';
export { OdooVersionFeatures } from './odoo-version-features';
export { parseOdooVersion, parseOdooVersionText, isAtLeast, type OdooServerVersion } from './odoo-version';
export { createAxiosOdooHttp, OdooHttpFailure, type OdooHttp, type OdooHttpRequest, type OdooHttpResponse, type OdooHttpFailureReason } from './odoo-http';
export { DEFAULT_ODOO_RETRY_POLICY, IDEMPOTENT_METHODS, type OdooRetryPolicy } from './odoo-retry';
export { SILENT_ODOO_LOGGER, type OdooClientLogger } from './odoo-client-logger';
export {
  m2oId,
  m2oName,
  odooText,
  odooNumber,
  toOdooValue,
  parseOdooDatetime,
  formatOdooDatetime,
  parseOdooDate,
  formatOdooDate,
} from './odoo-values';
export type { OdooDomain, OdooDomainLeaf, OdooDomainOperator, OdooContext, OdooKwargs, OdooRecord, OdooMany2one, OdooCallOptions, Json2MethodSignature } from './odoo-types';
