import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { AppError } from '../shared/errors/app-error';
import { Money } from '../shared/money/money';
import { ApiKeyGuard } from './api-key.guard';
import { CreatePaymentLinkDto } from './dto/create-payment-link.dto';
import { CreateRefundDto } from './dto/create-refund.dto';
import { ListLinksQuery } from './dto/list-links.query';
import { toLinkView, toRefundView } from './payment-link.view';
import { CreatePaymentLinkUseCase } from '../payments/use-cases/create-payment-link.use-case';
import { VoidPaymentLinkUseCase } from '../payments/use-cases/void-payment-link.use-case';
import { RefundPaymentUseCase } from '../payments/use-cases/refund-payment.use-case';
import { PaymentLinkRepository } from '../payments/persistence/payment-link.repository';
import { RefundRepository } from '../payments/persistence/refund.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface StatusResponse {
  status(code: number): unknown;
}

/** The HTTP API for POS front-ends. Thin: parse, authenticate, call one use case, present. */
@Controller('api/v1/payment-links')
@UseGuards(ApiKeyGuard)
export class PaymentLinksController {
  constructor(
    private readonly createLink: CreatePaymentLinkUseCase,
    private readonly voidLink: VoidPaymentLinkUseCase,
    private readonly refundPayment: RefundPaymentUseCase,
    private readonly links: PaymentLinkRepository,
    private readonly refunds: RefundRepository,
  ) {}

  @Post()
  async create(
    @Body() dto: CreatePaymentLinkDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: StatusResponse,
  ) {
    const key = requireKey(idempotencyKey);
    const amount = Money.of(dto.amount, dto.currency);
    const money = (v: string | number | undefined) => (v === undefined ? undefined : Money.of(v, dto.currency));
    const outcome = await this.createLink.execute({
      documentSource: 'api',
      documentId: dto.reference,
      documentReference: dto.reference,
      amount,
      phone: dto.phone,
      email: dto.email,
      locale: dto.locale,
      storeCode: dto.storeCode,
      orderNumber: dto.orderNumber,
      idempotencyKey: `api:${key}`,
      items: dto.items?.map((i) => ({
        referenceId: i.referenceId,
        name: i.name,
        sku: i.sku,
        type: i.type,
        quantity: quantityText(i.quantity),
        unitPrice: money(i.unitPrice),
        taxAmount: money(i.taxAmount),
        discountAmount: money(i.discountAmount),
        totalAmount: Money.of(i.totalAmount, dto.currency),
      })),
    });
    res.status(outcome.kind === 'pending_confirmation' ? 202 : outcome.replayed ? 200 : 201);
    return toLinkView(outcome.link);
  }

  @Get()
  async list(@Query() query: ListLinksQuery) {
    const rows = await this.links.listByReference(query.reference);
    return { items: rows.map((l) => toLinkView(l)) };
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const link = await this.find(id);
    return toLinkView(link, await this.refunds.listForLink(link.id));
  }

  @Post(':id/void')
  @HttpCode(200)
  async void(@Param('id') id: string) {
    const link = await this.find(id);
    return toLinkView(await this.voidLink.execute(link.id, 'api_void'));
  }

  @Post(':id/refunds')
  async refund(
    @Param('id') id: string,
    @Body() dto: CreateRefundDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: StatusResponse,
  ) {
    const key = requireKey(idempotencyKey);
    const link = await this.find(id);
    const outcome = await this.refundPayment.execute({
      linkId: link.id,
      requestKey: `api:${key}`,
      amount: Money.of(dto.amount, link.currency),
      comment: dto.comment,
    });
    const pending = outcome.refund.status === 'requested' || outcome.refund.status === 'unknown';
    res.status(pending ? 202 : outcome.replayed ? 200 : 201);
    return { refund: toRefundView(outcome.refund), link: toLinkView(outcome.link) };
  }

  private async find(id: string) {
    const link = UUID.test(id) ? await this.links.findById(id) : null;
    if (!link) throw new AppError('LINK_NOT_FOUND', `No payment link ${id}.`);
    return link;
  }
}

function requireKey(value: string | undefined): string {
  const key = value?.trim();
  if (!key || key.length > 200) {
    throw new AppError('IDEMPOTENCY_KEY_REQUIRED', 'Send an Idempotency-Key header (1–200 characters) so a retried request is not executed twice.');
  }
  return key;
}

function quantityText(q: string | number): string {
  const text = String(q).trim();
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) <= 0) {
    throw new AppError('VALIDATION_FAILED', `Item quantity ${JSON.stringify(q)} must be a positive number.`, { field: 'items.quantity' });
  }
  return text;
}
