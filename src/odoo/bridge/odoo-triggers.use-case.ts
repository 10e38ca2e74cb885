import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../../shared/errors/app-error';
import { Money, MoneyError } from '../../shared/money/money';
import { isLive, isPaid } from '../../payments/domain/payment-link-status';
import { PaymentLinkRepository } from '../../payments/persistence/payment-link.repository';
import { RefundRepository } from '../../payments/persistence/refund.repository';
import { CreatePaymentLinkUseCase } from '../../payments/use-cases/create-payment-link.use-case';
import { VoidPaymentLinkUseCase } from '../../payments/use-cases/void-payment-link.use-case';
import { RefundPaymentUseCase } from '../../payments/use-cases/refund-payment.use-case';
import { UpdateOrderReferenceUseCase } from '../../payments/use-cases/update-order-reference.use-case';
import { ErpOutboxRepository } from '../../erp/erp-outbox.repository';
import { formatOdooDatetime, m2oId, m2oName, odooText } from '../client/odoo-values';
import { OdooDocumentsGateway } from './odoo-documents.gateway';
import { creditNoteRefundKey, ODOO_INVOICE, ODOO_SALE_ORDER } from './odoo-documents';
import { OdooCursorRepository } from './odoo-cursor.repository';
import { OdooDocumentModel, OdooInvoice, OdooSaleOrder } from './odoo-records';
import { toErpError } from './odoo-error.translation';

export abstract class OdooTriggerSettings {
  abstract readonly cursorOverlapSeconds: number;
  abstract readonly batchSize: number;
}

export interface TriggerReport {
  invoices: number;
  saleOrders: number;
  creditNotes: number;
  liveLinks: number;
  actions: string[];
}

const STREAMS = { invoices: 'account.move:pay', orders: 'sale.order:pay', creditNotes: 'account.move:credit_notes' } as const;

/**
 * Finds what Odoo users asked for and hands it to the payments core, exactly once:
 * invoices and sale orders ticked "Pay with Tamara" (→ a link), posted credit notes of
 * Tamara-paid invoices (→ a refund), cancelled / unticked / renamed documents with a live link
 * (→ void, reference update). Driven by polling with a write_date cursor; Odoo's webhook only
 * makes the next poll start sooner. Every action is idempotent in the core, so reading a
 * document twice never acts twice.
 */
@Injectable()
export class OdooTriggersUseCase {
  private readonly logger = new Logger(OdooTriggersUseCase.name);

  constructor(
    private readonly documents: OdooDocumentsGateway,
    private readonly cursors: OdooCursorRepository,
    private readonly links: PaymentLinkRepository,
    private readonly refundsRepo: RefundRepository,
    private readonly outbox: ErpOutboxRepository,
    private readonly createLink: CreatePaymentLinkUseCase,
    private readonly voidLink: VoidPaymentLinkUseCase,
    private readonly refund: RefundPaymentUseCase,
    private readonly updateReference: UpdateOrderReferenceUseCase,
    private readonly settings: OdooTriggerSettings,
  ) {}

  async runOnce(): Promise<TriggerReport> {
    const report: TriggerReport = { invoices: 0, saleOrders: 0, creditNotes: 0, liveLinks: 0, actions: [] };
    try {
      await this.liveLinks(report);
      await this.stream(STREAMS.invoices, (since) => this.documents.changedInvoices([['x_tamara_pay', '=', true], ['move_type', '=', 'out_invoice']], since, this.settings.batchSize), async (inv) => {
        report.invoices += 1;
        await this.invoiceMarked(inv as OdooInvoice, report);
      });
      await this.stream(STREAMS.orders, (since) => this.documents.changedSaleOrders([['x_tamara_pay', '=', true]], since, this.settings.batchSize), async (so) => {
        report.saleOrders += 1;
        await this.saleOrderMarked(so as OdooSaleOrder, report);
      });
      await this.stream(
        STREAMS.creditNotes,
        (since) =>
          this.documents.changedInvoices(
            // Only credit notes of invoices that carry a Tamara order: the rest is none of our business.
            [['move_type', '=', 'out_refund'], ['state', '=', 'posted'], ['reversed_entry_id.x_tamara_order_id', '!=', false]],
            since,
            this.settings.batchSize,
          ),
        async (cn) => {
          report.creditNotes += 1;
          await this.creditNotePosted(cn as OdooInvoice, report);
        },
      );
    } catch (error) {
      throw toErpError(error);
    }
    return report;
  }

  private async stream(stream: string, read: (since: string) => Promise<Array<{ write_date: string }>>, handle: (doc: { write_date: string }) => Promise<void>): Promise<void> {
    const cursor = await this.cursors.get(stream);
    const since = cursor ? formatOdooDatetime(new Date(parseUtc(cursor).getTime() - this.settings.cursorOverlapSeconds * 1000)) : '1970-01-01 00:00:00';
    const docs = await read(since);
    for (const doc of docs) {
      await handle(doc);
      await this.cursors.advance(stream, doc.write_date);
    }
  }

  private async invoiceMarked(inv: OdooInvoice, report: TriggerReport): Promise<void> {
    if (inv.state !== 'posted' || ['paid', 'in_payment', 'reversed'].includes(String(inv.payment_state))) return;
    const currency = m2oName(inv.currency_id || undefined) ?? '';
    if (!(await this.mayRequest(ODOO_INVOICE, inv.id))) return;
    await this.request('account.move', inv, {
      source: ODOO_INVOICE,
      reference: odooText(inv.name) ?? `INV-${inv.id}`,
      amount: () => Money.rounded(inv.amount_residual, currency),
      lineIds: inv.invoice_line_ids,
      currency,
    }, report);
  }

  private async saleOrderMarked(so: OdooSaleOrder, report: TriggerReport): Promise<void> {
    if (so.state === 'cancel' || so.state === 'done') return;
    if (!(await this.mayRequest(ODOO_SALE_ORDER, so.id))) return;
    if (so.state === 'draft' || so.state === 'sent') {
      await this.documents.confirmSaleOrder(so.id); // a quotation marked for Tamara is confirmed
      report.actions.push(`confirmed ${so.name}`);
    }
    const currency = m2oName(so.currency_id || undefined) ?? '';
    await this.request('sale.order', so, {
      source: ODOO_SALE_ORDER,
      reference: so.name,
      amount: () => Money.rounded(so.amount_total, currency),
      lineIds: so.order_line,
      currency,
    }, report);
  }

  /**
   * A new link is asked for only when the document has none live, was not paid by Tamara, and the
   * previous link's ending has reached Odoo (which unticks "Pay with Tamara"): a tick still set
   * from before would otherwise send a second SMS by itself.
   */
  private async mayRequest(source: typeof ODOO_INVOICE, id: number): Promise<boolean> {
    const latest = await this.links.latestForDocument(source, String(id));
    if (!latest) return true;
    if (isLive(latest.status) || isPaid(latest.status)) return false;
    return !(await this.outbox.hasUndelivered(latest.id));
  }

  private async request(
    model: OdooDocumentModel,
    doc: OdooInvoice | OdooSaleOrder,
    spec: { source: typeof ODOO_INVOICE; reference: string; amount: () => Money; lineIds: number[]; currency: string },
    report: TriggerReport,
  ): Promise<void> {
    try {
      const phone = await this.documents.customerPhone(doc);
      if (!phone) throw new AppError('INVALID_PHONE', 'The customer has no phone number: fill in "Tamara phone" or the customer’s phone.');
      const amount = spec.amount();
      const items = await this.documents.items(model, spec.lineIds, spec.currency);
      const outcome = await this.createLink.execute({
        documentSource: spec.source,
        documentId: String(doc.id),
        documentReference: spec.reference,
        amount,
        phone,
        items,
        orderNumber: spec.reference,
      });
      report.actions.push(`link ${outcome.link.orderReferenceId} ${outcome.link.status}`);
    } catch (error) {
      if (error instanceof AppError && error.code === 'LINK_ACTIVE') return;
      if (error instanceof AppError || error instanceof MoneyError) {
        // A refusal that ended a link is reported by that link's write-back; bad input (no link
        // made) is said here, once, and the tick is released.
        if (error instanceof AppError && endedALink(error)) return;
        if (odooText(doc.x_tamara_error) !== error.message) {
          await this.documents.writeTamaraFields(model, doc.id, { x_tamara_status: 'error', x_tamara_error: error.message, x_tamara_pay: false });
          await this.documents.note(model, doc.id, `Tamara: no payment link was sent. ${error.message}`);
        }
        report.actions.push(`error ${spec.reference}: ${error.message}`);
        return;
      }
      throw error;
    }
  }

  private async creditNotePosted(cn: OdooInvoice, report: TriggerReport): Promise<void> {
    if (await this.refundsRepo.findByRequestKey(creditNoteRefundKey(cn.id))) return;
    if (['paid', 'in_payment', 'reversed'].includes(String(cn.payment_state))) return;
    const invoiceId = m2oId(cn.reversed_entry_id || undefined);
    const invoice = invoiceId ? await this.documents.invoice(invoiceId) : undefined;
    const tamaraOrderId = odooText(invoice?.x_tamara_order_id);
    if (!tamaraOrderId) return; // not a Tamara-paid invoice
    const link = await this.links.findByTamaraOrderId(tamaraOrderId);
    if (!link || !isPaid(link.status)) return;
    try {
      const currency = m2oName(cn.currency_id || undefined) ?? '';
      const outcome = await this.refund.execute({
        linkId: link.id,
        requestKey: creditNoteRefundKey(cn.id),
        amount: Money.rounded(cn.amount_total, currency),
        comment: `Credit note ${odooText(cn.name) ?? cn.id}`,
      });
      report.actions.push(`refund ${odooText(cn.name)} ${outcome.refund.status}`);
    } catch (error) {
      if (!(error instanceof AppError || error instanceof MoneyError)) throw error;
      if (error instanceof AppError && error.code === 'TAMARA_REJECTED') return; // recorded as a failed refund; its write-back tells Odoo
      if (odooText(cn.x_tamara_error) !== error.message) {
        await this.documents.writeTamaraFields('account.move', cn.id, { x_tamara_status: 'error', x_tamara_error: error.message, x_tamara_order_id: tamaraOrderId });
        await this.documents.note('account.move', cn.id, `Tamara: no refund was made. ${error.message}`);
      }
      report.actions.push(`refund error ${odooText(cn.name)}: ${error.message}`);
    }
  }

  /** Documents with a live link that were cancelled, unticked or renamed in Odoo. */
  private async liveLinks(report: TriggerReport): Promise<void> {
    const live = await this.links.listLiveForSources([ODOO_INVOICE, ODOO_SALE_ORDER]);
    report.liveLinks = live.length;
    const invoiceLinks = live.filter((l) => l.documentSource === ODOO_INVOICE);
    const orderLinks = live.filter((l) => l.documentSource === ODOO_SALE_ORDER);
    const invoices = new Map((await this.documents.invoices(invoiceLinks.map((l) => Number(l.documentId)))).map((d) => [String(d.id), d]));
    const orders = new Map((await this.documents.saleOrders(orderLinks.map((l) => Number(l.documentId)))).map((d) => [String(d.id), d]));
    for (const link of live) {
      const doc = link.documentSource === ODOO_INVOICE ? invoices.get(link.documentId) : orders.get(link.documentId);
      const gone = !doc || doc.state === 'cancel' || !doc.x_tamara_pay;
      try {
        if (gone) {
          await this.voidLink.execute(link.id, 'erp_cancel');
          report.actions.push(`voided ${link.orderReferenceId}`);
        } else if (odooText(doc.name as string | false) && doc.name !== link.documentReference && link.tamaraOrderId) {
          await this.updateReference.execute(link.id, String(doc.name));
          report.actions.push(`reference ${link.orderReferenceId} → ${doc.name}`);
        }
      } catch (error) {
        if (error instanceof AppError && error.code === 'ALREADY_PAID') {
          report.actions.push(`already paid ${link.orderReferenceId}`); // the capture write-back flags the cancelled document
          continue;
        }
        if (error instanceof AppError) {
          this.logger.warn({ linkId: link.id, code: error.code }, 'Could not follow an Odoo change on a live link; will retry');
          continue;
        }
        throw error;
      }
    }
  }
}

function endedALink(error: AppError): boolean {
  return ['TAMARA_UNAVAILABLE', 'TAMARA_RATE_LIMITED', 'TAMARA_REJECTED'].includes(error.code) || Boolean(error.details && 'tamaraErrorCode' in error.details);
}

function parseUtc(odooDatetime: string): Date {
  return new Date(`${odooDatetime.replace(' ', 'T')}Z`);
}

