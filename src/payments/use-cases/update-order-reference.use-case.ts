import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../../shared/errors/app-error';
import { TamaraApi } from '../../tamara/tamara-api.port';
import { TamaraError } from '../../tamara/tamara-error';
import { buildOrderReferenceId } from '../domain/order-reference';
import { PaymentLinkRepository } from '../persistence/payment-link.repository';
import { PaymentLinkEntity } from '../persistence/payment-link.entity';
import { LinkJournal } from '../persistence/link-journal';
import { unavailableAppError } from './tamara-error.translation';

/**
 * When the ERP renumbers a document after its link was created (a draft that got its final name),
 * Tamara's order_reference_id follows, so that settlement reports name the right document.
 */
@Injectable()
export class UpdateOrderReferenceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: PaymentLinkRepository,
    private readonly journal: LinkJournal,
    private readonly tamara: TamaraApi,
  ) {}

  async execute(linkId: string, newDocumentReference: string): Promise<PaymentLinkEntity> {
    const link = await this.links.findById(linkId);
    if (!link) throw new AppError('LINK_NOT_FOUND', `No payment link ${linkId}.`);
    if (link.documentReference === newDocumentReference) return link;
    if (!link.tamaraOrderId) {
      throw new AppError('LINK_NOT_VOIDABLE', 'The link is still being confirmed with Tamara; try again shortly.');
    }
    const newReference = buildOrderReferenceId(newDocumentReference, link.attempt);
    try {
      await this.tamara.updateOrderReference(link.tamaraOrderId, newReference);
    } catch (error) {
      if (error instanceof TamaraError) throw unavailableAppError(error, 'update the order reference');
      throw error;
    }
    return this.dataSource.transaction(async (manager) => {
      const row = (await this.links.findByIdForUpdate(manager, linkId))!;
      const before = row.orderReferenceId;
      row.documentReference = newDocumentReference;
      row.orderReferenceId = newReference;
      await this.links.save(manager, row);
      await this.journal.event(manager, { linkId, type: 'reference_updated', cause: 'erp', details: { from: before, to: newReference } });
      return row;
    });
  }
}
