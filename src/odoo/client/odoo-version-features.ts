import type { OdooProtocol } from './odoo-error';
import { isAtLeast, type OdooServerVersion } from './odoo-version';

/**
 * What changes between Odoo 16 and 19 for the connector, derived from the server version so that
 * no caller compares version numbers itself. Sources: docs odoo-rpc.md A3 and the 18.0 transcripts.
 */
export class OdooVersionFeatures {
  /** account.payment's free-text reference: `memo` since 18 (standalone payments), `ref` before. */
  readonly paymentMemoField: 'memo' | 'ref';
  /** res.partner.mobile was removed in saas~18.2 (so absent in 19). */
  readonly hasPartnerMobile: boolean;
  /** name_get() was removed in 18 (read `display_name` instead). */
  readonly hasNameGet: boolean;
  /** account.move.reversal's action: `refund_moves` since 17, `reverse_moves` in 16. */
  readonly reversalMethod: 'refund_moves' | 'reverse_moves';
  /**
   * 17+ escapes a plain `str` body in message_post and takes `body_is_html=True` for HTML; 16
   * treats every str as HTML, so plain text must be escaped by us there.
   */
  readonly messagePostBodyIsHtmlParam: boolean;
  /** JSON-2 from 19 (/jsonrpc is deprecated there), JSON-RPC below. */
  readonly defaultProtocol: OdooProtocol;

  constructor(readonly version: Pick<OdooServerVersion, 'major' | 'minor'>) {
    this.paymentMemoField = isAtLeast(version, 18) ? 'memo' : 'ref';
    this.hasPartnerMobile = !isAtLeast(version, 18, 2);
    this.hasNameGet = !isAtLeast(version, 18);
    this.reversalMethod = isAtLeast(version, 17) ? 'refund_moves' : 'reverse_moves';
    this.messagePostBodyIsHtmlParam = isAtLeast(version, 17);
    this.defaultProtocol = isAtLeast(version, 19) ? 'json2' : 'jsonrpc';
  }
}
