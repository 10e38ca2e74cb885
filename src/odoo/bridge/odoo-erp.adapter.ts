import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../shared/time/clock';
import { Money } from '../../shared/money/money';
import { ErpAdapter, ErpError, ErpEvent, PaymentLinkSnapshot, RefundSnapshot } from '../../erp/erp-port';
import { UNPAID_FINAL_STATUSES } from '../../payments/domain/payment-link-status';
import { m2oName, odooText } from '../client/odoo-values';
import { OdooDocumentsGateway } from './odoo-documents.gateway';
import { creditNoteIdOf, modelOf, ODOO_INVOICE, ODOO_SALE_ORDER, paymentMarker, refundMarker } from './odoo-documents';
import { odooStatus, refundNote, statusNote } from './status-notes';
import { toErpError } from './odoo-error.translation';
import { TamaraJournalLocator } from './tamara-journal.locator';
import type { OdooInvoice } from './odoo-records';

/**
 * Writes what happened at Tamara back into Odoo: the x_tamara_* fields and a chatter note for
 * every status change, the customer payment when the order is captured (P2: exactly one, found
 * by its memo marker before any new one is made), and the refund payment on credit notes.
 * Every method is safe to run again after a crash (the outbox delivers at least once).
 */
@Injectable()
export class OdooErpAdapter implements ErpAdapter {
  readonly sources = [ODOO_INVOICE, ODOO_SALE_ORDER] as const;
  private readonly logger = new Logger(OdooErpAdapter.name);

  constructor(
    private readonly documents: OdooDocumentsGateway,
    private readonly journal: TamaraJournalLocator,
    private readonly clock: Clock,
  ) {}

  async handle(event: ErpEvent): Promise<void> {
    try {
      switch (event.type) {
        case 'link.status_changed':
          return await this.statusChanged(event.link);
        case 'link.captured':
          return await this.captured(event.link);
        case 'refund.succeeded':
          return await this.refundSucceeded(event.link, event.refund);
        case 'refund.failed':
          return await this.refundFailed(event.link, event.refund);
      }
    } catch (error) {
      throw toErpError(error);
    }
  }

  private async statusChanged(link: PaymentLinkSnapshot): Promise<void> {
    const model = modelOf(link.documentSource);
    const id = Number(link.documentId);
    const ended = UNPAID_FINAL_STATUSES.includes(link.status);
    await this.documents.writeTamaraFields(model, id, {
      x_tamara_status: odooStatus(link.status),
      x_tamara_order_id: link.tamaraOrderId ?? false,
      x_tamara_checkout_id: link.checkoutId ?? false,
      x_tamara_checkout_url: link.checkoutUrl ?? false,
      x_tamara_error: link.status === 'failed' ? (link.errorMessage ?? 'Tamara refused the payment link') : false,
      // An ended link releases the document: ticking "Pay with Tamara" again asks for a new link.
      ...(ended ? { x_tamara_pay: false } : {}),
    });
    await this.documents.note(model, id, statusNote(link));
  }

  private async captured(link: PaymentLinkSnapshot): Promise<void> {
    const orderId = link.tamaraOrderId!;
    const invoice =
      link.documentSource === ODOO_SALE_ORDER
        ? await this.documents.ensurePostedInvoiceForOrder(Number(link.documentId))
        : await this.documents.invoice(Number(link.documentId));
    if (link.documentSource === ODOO_SALE_ORDER && invoice) {
      await this.documents.writeTamaraFields('account.move', invoice.id, {
        x_tamara_status: odooStatus(link.status),
        x_tamara_order_id: orderId,
        x_tamara_checkout_id: link.checkoutId ?? false,
      });
    }
    const existing = await this.documents.paymentsWithMarker(paymentMarker(orderId));
    if (existing.length > 0) {
      this.logger.log({ linkId: link.id, paymentId: existing[0].id }, 'Tamara payment already registered in Odoo');
      return;
    }
    const problem = this.whyNotPayable(invoice, link.capturedAmount);
    if (problem) {
      await this.flagProblem(link, invoice, problem);
      throw new ErpError('business', problem, 'INVOICE_NOT_PAYABLE');
    }
    const journal = await this.journal.get();
    await this.documents.registerPayment(invoice!.id, {
      journalId: journal.journalId,
      methodLineId: journal.inboundMethodLineId,
      amount: link.capturedAmount,
      memo: paymentMarker(orderId),
      date: this.clock.now(),
    });
    await this.documents.note('account.move', invoice!.id, `Tamara payment of ${link.capturedAmount.toString()} registered on the Tamara journal (order ${orderId}).`);
  }

  /** Odoo registers payments on draft and cancelled invoices without complaint; the connector checks itself. */
  private whyNotPayable(invoice: OdooInvoice | undefined, captured: Money): string | undefined {
    if (!invoice) return 'The invoice no longer exists in Odoo, but the customer paid with Tamara. Register the payment by hand on the right document.';
    if (invoice.state !== 'posted') return `The invoice is ${invoice.state === 'cancel' ? 'cancelled' : 'not posted'}, but the customer paid with Tamara; nothing was registered.`;
    if (invoice.payment_state === 'paid' || invoice.payment_state === 'in_payment' || invoice.payment_state === 'reversed') {
      return 'The invoice was already paid or reversed by other means; the Tamara payment was not registered. Refund the customer through a credit note if needed.';
    }
    const currency = m2oName(invoice.currency_id || undefined);
    if (currency !== captured.currency) return `The invoice is in ${currency}, Tamara captured ${captured.currency}; nothing was registered.`;
    const residual = Money.rounded(invoice.amount_residual, currency);
    if (!residual.equals(captured)) {
      return `The invoice expects ${residual.toString()} but Tamara captured ${captured.toString()}; nothing was registered.`;
    }
    return undefined;
  }

  private async flagProblem(link: PaymentLinkSnapshot, invoice: OdooInvoice | undefined, problem: string): Promise<void> {
    const model = modelOf(link.documentSource);
    const targets: Array<[typeof model | 'account.move', number]> = [[model, Number(link.documentId)]];
    if (invoice && link.documentSource === ODOO_SALE_ORDER) targets.push(['account.move', invoice.id]);
    for (const [m, id] of targets) {
      try {
        await this.documents.writeTamaraFields(m, id, { x_tamara_status: 'error', x_tamara_error: problem });
        await this.documents.note(m, id, `Tamara: ${problem}`);
      } catch (error) {
        this.logger.warn({ linkId: link.id, reason: (error as Error).message }, 'Could not flag the document');
      }
    }
  }

  private async refundSucceeded(link: PaymentLinkSnapshot, refund: RefundSnapshot): Promise<void> {
    const creditNoteId = creditNoteIdOf(refund.requestKey);
    const invoiceId = await this.paidInvoiceId(link);
    if (invoiceId) await this.appendRefundId(invoiceId, refund.tamaraRefundId!);
    if (!creditNoteId) return; // a refund asked through the API: the invoice is all there is to update
    await this.documents.writeTamaraFields('account.move', creditNoteId, {
      x_tamara_status: 'refunded',
      x_tamara_order_id: link.tamaraOrderId ?? false,
      x_tamara_refund_ids: refund.tamaraRefundId!,
      x_tamara_error: false,
    });
    const marker = refundMarker(refund.tamaraRefundId!);
    if ((await this.documents.paymentsWithMarker(marker)).length === 0) {
      const creditNote = await this.documents.invoice(creditNoteId);
      if (creditNote && creditNote.state === 'posted' && creditNote.payment_state !== 'paid' && creditNote.payment_state !== 'in_payment') {
        const journal = await this.journal.get();
        await this.documents.registerPayment(creditNoteId, {
          journalId: journal.journalId,
          methodLineId: journal.outboundMethodLineId,
          amount: refund.amount,
          memo: `${marker} order ${link.tamaraOrderId}`,
          date: this.clock.now(),
        });
      }
    }
    await this.documents.note('account.move', creditNoteId, refundNote(refund, link));
  }

  private async refundFailed(link: PaymentLinkSnapshot, refund: RefundSnapshot): Promise<void> {
    const creditNoteId = creditNoteIdOf(refund.requestKey);
    if (!creditNoteId) return;
    await this.documents.writeTamaraFields('account.move', creditNoteId, {
      x_tamara_status: 'error',
      x_tamara_error: refund.errorMessage ?? 'Tamara refused the refund',
    });
    await this.documents.note('account.move', creditNoteId, refundNote(refund, link));
  }

  /** The invoice that received the Tamara payment: the document itself, or the sale order's invoice. */
  private async paidInvoiceId(link: PaymentLinkSnapshot): Promise<number | undefined> {
    if (link.documentSource === ODOO_INVOICE) return Number(link.documentId);
    const order = await this.documents.saleOrder(Number(link.documentId));
    const invoices = await this.documents.invoices(order?.invoice_ids ?? []);
    return invoices.find((i) => odooText(i.x_tamara_order_id) === link.tamaraOrderId)?.id;
  }

  private async appendRefundId(invoiceId: number, refundId: string): Promise<void> {
    const invoice = await this.documents.invoice(invoiceId);
    if (!invoice) return;
    const ids = (odooText(invoice.x_tamara_refund_ids) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.includes(refundId)) return;
    await this.documents.writeTamaraFields('account.move', invoiceId, { x_tamara_refund_ids: [...ids, refundId].join(',') });
  }
}
