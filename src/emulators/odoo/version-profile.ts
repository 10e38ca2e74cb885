/** The Odoo major versions the emulator can impersonate. */
export type OdooMajorVersion = 16 | 17 | 18 | 19;

/**
 * What differs between the impersonated versions (docs/odoo-rpc.md A3; 18 is the recorded
 * ground truth, the others follow the source notes).
 */
export interface VersionProfile {
  readonly major: OdooMajorVersion;
  readonly serverVersion: string;
  readonly serverVersionInfo: readonly [number, number, number, string, number, string];
  readonly serverSerie: string;
  /** `/json/2/<model>/<method>` and `GET /web/version` (19+). */
  readonly hasJson2: boolean;
  /** res.partner.mobile (removed in saas-18.2, so absent in 19). */
  readonly hasPartnerMobile: boolean;
  /** name_get() (removed in 18). */
  readonly hasNameGet: boolean;
  /** account.move.reversal.refund_moves()/modify_moves() (17+; 16 only has reverse_moves with refund_method). */
  readonly hasRefundMoves: boolean;
  /** message_post escapes a str body (17+); 16 treats it as HTML. */
  readonly escapesPlainTextBody: boolean;
  /** ir.actions.server state 'webhook' (17+). */
  readonly hasWebhookActions: boolean;
  /** base.automation runs a list of actions (`action_server_ids`, 17+) instead of delegating to one (16). */
  readonly automationHasActionList: boolean;
  /** account.payment is a standalone model with `memo`, `invoice_ids` and its own state (18+); before, it `_inherits` its move and uses `ref`. */
  readonly standalonePayments: boolean;
  /** The payment wizard accepts draft invoices (18+). */
  readonly registersPaymentOnDraft: boolean;
  /** sale.order has the `locked` boolean (17+) instead of state 'done' (16). */
  readonly saleOrderLockedFlag: boolean;
  /** JSON-RPC `error.code` of application errors (200 up to 18, 0 in 19.x per its http.py). */
  readonly rpcErrorCode: number;
  /** Where button_immediate_install sends the browser. */
  readonly webClientUrl: string;
}

const VERSION_INFO: Record<OdooMajorVersion, { serverVersion: string }> = {
  16: { serverVersion: '16.0-20240304' },
  17: { serverVersion: '17.0-20240821' },
  18: { serverVersion: '18.0-20250421' },
  19: { serverVersion: '19.0-20250918' },
};

export function versionProfile(major: OdooMajorVersion): VersionProfile {
  return {
    major,
    serverVersion: VERSION_INFO[major].serverVersion,
    serverVersionInfo: [major, 0, 0, 'final', 0, ''],
    serverSerie: `${major}.0`,
    hasJson2: major >= 19,
    hasPartnerMobile: major <= 18,
    hasNameGet: major <= 17,
    hasRefundMoves: major >= 17,
    escapesPlainTextBody: major >= 17,
    hasWebhookActions: major >= 17,
    automationHasActionList: major >= 17,
    standalonePayments: major >= 18,
    registersPaymentOnDraft: major >= 18,
    saleOrderLockedFlag: major >= 17,
    rpcErrorCode: major >= 19 ? 0 : 200,
    webClientUrl: major >= 18 ? '/odoo' : '/web',
  };
}

/** Limits a field or method to a range of major versions. */
export interface VersionRange {
  readonly min?: OdooMajorVersion;
  readonly max?: OdooMajorVersion;
}

export function inVersionRange(range: VersionRange | undefined, major: OdooMajorVersion): boolean {
  if (!range) return true;
  return (range.min === undefined || major >= range.min) && (range.max === undefined || major <= range.max);
}
