import { OdooError } from '../../../src/odoo/client';
import { OdooSetupError } from '../../../src/odoo/setup';
import { setupErrorFrom } from '../../../src/odoo/setup/odoo-setup.errors';

describe('setup errors keep Odoo’s message and say what to do', () => {
  it.each([
    ['access_denied', 'login_rejected', 'Odoo rejected the login; check ODOO_DB, ODOO_USERNAME and ODOO_API_KEY'],
    ['transport', 'odoo_unreachable', 'Odoo could not be reached (Odoo common.version: connection refused); check ODOO_URL.'],
    ['not_found', 'module_missing', 'check ODOO_URL and ODOO_DB, and that the Invoicing app is installed'],
    ['user_error', 'odoo_error', 'Odoo refused the change. Odoo said: the Odoo text'],
    ['bug', 'odoo_error', 'Odoo common.version: connection refused. Odoo said: the Odoo text'],
  ] as const)('%s becomes %s', (kind, code, text) => {
    const odooError = new OdooError(kind, 'Odoo common.version: connection refused', { odooMessage: kind === 'transport' ? undefined : 'the Odoo text' });

    const translated = setupErrorFrom(odooError, 'version');

    expect(translated).toBeInstanceOf(OdooSetupError);
    expect((translated as OdooSetupError).code).toBe(code);
    expect((translated as OdooSetupError).message).toContain('Setup stopped while reading the Odoo version: ');
    expect((translated as OdooSetupError).message).toContain(text);
  });

  it('lets errors that are not Odoo’s through unchanged (they are bugs)', () => {
    const bug = new TypeError('x is undefined');
    expect(setupErrorFrom(bug, 'fields')).toBe(bug);
  });
});
