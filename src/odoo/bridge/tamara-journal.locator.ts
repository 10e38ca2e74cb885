import { Injectable } from '@nestjs/common';
import { ErpError } from '../../erp/erp-port';
import { OdooClient } from '../client/odoo-client';
import { findTamaraJournal } from '../setup/tamara-journal';

export interface TamaraJournal {
  journalId: number;
  inboundMethodLineId: number;
  outboundMethodLineId: number;
}

/** The "Tamara" bank journal installed by `npm run cli -- setup`, looked up once and remembered. */
@Injectable()
export class TamaraJournalLocator {
  private cached?: TamaraJournal;

  constructor(private readonly odoo: OdooClient) {}

  async get(): Promise<TamaraJournal> {
    if (this.cached) return this.cached;
    const found = await findTamaraJournal(this.odoo);
    if (!found) {
      throw new ErpError('business', 'The Tamara journal (code TMR) is missing in Odoo. Run `npm run cli -- setup`.', 'TAMARA_JOURNAL_MISSING');
    }
    this.cached = found;
    return found;
  }
}
