import { ErpError } from '../../erp/erp-port';
import { OdooError } from '../client/odoo-error';

/** Odoo's failure kinds → what the outbox dispatcher does with the write-back. */
export function toErpError(error: unknown): unknown {
  if (!(error instanceof OdooError)) return error;
  switch (error.kind) {
    case 'access_denied':
      return new ErpError('auth', `Odoo refused the connector’s API key: ${error.message}`, 'ODOO_ACCESS_DENIED');
    case 'concurrency':
    case 'transport':
    case 'invalid_response':
      return new ErpError('retryable', error.message, `ODOO_${error.kind.toUpperCase()}`);
    case 'access_error':
    case 'missing_record':
    case 'user_error':
    case 'not_found':
    case 'bug':
      return new ErpError('business', error.odooMessage ?? error.message, `ODOO_${error.kind.toUpperCase()}`);
  }
}
