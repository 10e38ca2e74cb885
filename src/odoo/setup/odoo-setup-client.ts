import type { OdooClient } from '../client';

/**
 * The part of {@link OdooClient} that setup uses: an OdooClient fits as it is, and a test fake
 * only has to implement these.
 */
export type OdooSetupClient = Pick<OdooClient, 'searchRead' | 'create' | 'write' | 'fieldsGet' | 'serverVersion'>;
