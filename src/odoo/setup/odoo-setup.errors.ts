import { isOdooError, type OdooErrorKind } from '../client';
import type { SetupItem } from './odoo-setup.report';

/** The step setup was at when it stopped (used to say which rights are missing). */
export type SetupStep = 'version' | 'models' | 'fields' | 'server_action' | 'form_view' | 'journal' | 'webhook';

export type OdooSetupErrorCode =
  /** The Odoo user lacks a group (AccessError). */
  | 'access_rights'
  /** The login or API key was refused (AccessDenied). */
  | 'login_rejected'
  /** An app setup needs (Invoicing) is not installed, or a record it relies on is missing. */
  | 'module_missing'
  /** Something with our name exists but is not what setup would create; a person must decide. */
  | 'conflict'
  | 'odoo_unreachable'
  /** Odoo refused the change (UserError/ValidationError) or failed otherwise. */
  | 'odoo_error';

export interface OdooSetupErrorDetails {
  readonly step: SetupStep;
  /** Odoo's own message, kept verbatim (secrets already removed by the client). */
  readonly odooMessage?: string;
  readonly odooErrorKind?: OdooErrorKind;
  /** What setup had done before it stopped. */
  readonly completedItems?: readonly SetupItem[];
}

/** Why `setup` stopped, in words an administrator can act on, with Odoo's message kept. */
export class OdooSetupError extends Error {
  constructor(
    readonly code: OdooSetupErrorCode,
    message: string,
    readonly details: OdooSetupErrorDetails,
  ) {
    super(message);
    this.name = 'OdooSetupError';
  }

  withCompletedItems(items: readonly SetupItem[]): OdooSetupError {
    const copy = new OdooSetupError(this.code, this.message, { ...this.details, completedItems: [...items] });
    copy.stack = this.stack;
    return copy;
  }
}

const STEP_WORDS: Readonly<Record<SetupStep, string>> = {
  version: 'reading the Odoo version',
  models: 'looking up the invoice and sales order models',
  fields: 'adding the custom x_tamara_* fields',
  server_action: 'adding the "Pay with Tamara" action',
  form_view: 'adding the Tamara group to the forms',
  journal: 'setting up the Tamara journal',
  webhook: 'adding the webhook action and automation rules',
};

/** Which group fixes an AccessError at each step. */
const RIGHTS_ADVICE: Readonly<Record<SetupStep, string>> = {
  version: 'the Odoo user needs the Settings/Administration rights to run setup',
  models: 'the Odoo user needs the Settings/Administration rights to add fields',
  fields: 'the Odoo user needs the Settings/Administration rights to add fields',
  server_action: 'the Odoo user needs the Settings/Administration rights to add server actions',
  form_view: 'the Odoo user needs the Settings/Administration rights to change views',
  journal: 'the Odoo user needs the Invoicing/Administrator rights to create the Tamara journal',
  webhook: 'the Odoo user needs the Settings/Administration rights to add automation rules',
};

function withOdooSaid(text: string, odooMessage: string | undefined): string {
  return odooMessage ? `${text}. Odoo said: ${odooMessage}` : `${text}.`;
}

/** Translates a failure of an Odoo call made during `step` into an {@link OdooSetupError}; other errors are bugs and pass through. */
export function setupErrorFrom(error: unknown, step: SetupStep): unknown {
  if (error instanceof OdooSetupError || !isOdooError(error)) return error;
  const odooMessage = error.odooMessage;
  const details: OdooSetupErrorDetails = { step, odooMessage, odooErrorKind: error.kind };
  const stoppedAt = `Setup stopped while ${STEP_WORDS[step]}`;
  switch (error.kind) {
    case 'access_error':
      return new OdooSetupError('access_rights', withOdooSaid(`${stoppedAt}: ${RIGHTS_ADVICE[step]}`, odooMessage), details);
    case 'access_denied':
      return new OdooSetupError(
        'login_rejected',
        withOdooSaid(`${stoppedAt}: Odoo rejected the login; check ODOO_DB, ODOO_USERNAME and ODOO_API_KEY (an API key of that user, see docs/odoo-setup.md)`, odooMessage),
        details,
      );
    case 'transport':
      return new OdooSetupError('odoo_unreachable', `${stoppedAt}: Odoo could not be reached (${error.message}); check ODOO_URL.`, details);
    case 'not_found':
      return new OdooSetupError(
        'module_missing',
        withOdooSaid(`${stoppedAt}: Odoo does not know what setup asked for; check ODOO_URL and ODOO_DB, and that the Invoicing app is installed`, odooMessage ?? error.message),
        details,
      );
    case 'user_error':
    case 'missing_record':
      return new OdooSetupError('odoo_error', withOdooSaid(`${stoppedAt}: Odoo refused the change`, odooMessage ?? error.message), details);
    default:
      // concurrency, invalid_response, bug: nothing the administrator can fix but report it.
      return new OdooSetupError('odoo_error', withOdooSaid(`${stoppedAt}: ${error.message}`, odooMessage), details);
  }
}
