import { z } from 'zod';
import { OdooSetupError } from './odoo-setup.errors';
import type { OdooSetupClient } from './odoo-setup-client';
import type { SetupItem } from './odoo-setup.report';
import { TAMARA_JOURNAL } from './odoo-setup.constants';
import { readTamaraJournal, type TamaraJournalRef } from './tamara-journal';

export interface TamaraJournalSetup {
  readonly items: SetupItem[];
  readonly journal: TamaraJournalRef;
}

const methodRow = z.object({ id: z.number().int() });

/**
 * The bank journal "Tamara" (code TMR). Odoo gives a new bank journal its GL account and the
 * "Manual Payment" inbound and outbound method lines by itself (transcripts 083–085); a line
 * missing on an existing journal (someone removed it) is added back.
 */
export async function installTamaraJournal(client: OdooSetupClient): Promise<TamaraJournalSetup> {
  const items: SetupItem[] = [];
  const subject = `journal "${TAMARA_JOURNAL.name}" (code ${TAMARA_JOURNAL.code})`;
  let state = await readTamaraJournal(client);
  if (state && state.type !== 'bank' && state.type !== 'cash') {
    throw new OdooSetupError(
      'conflict',
      `A journal with code ${TAMARA_JOURNAL.code} already exists but is a "${state.type}" journal; Tamara payments need a bank journal. Change that journal's short code in Odoo, then run setup again.`,
      { step: 'journal' },
    );
  }
  if (state) {
    items.push({ kind: 'journal', subject, outcome: 'already_present', recordId: state.journalId });
  } else {
    const journalId = await client.create('account.journal', { name: TAMARA_JOURNAL.name, code: TAMARA_JOURNAL.code, type: TAMARA_JOURNAL.type });
    items.push({ kind: 'journal', subject, outcome: 'created', recordId: journalId });
    state = await readTamaraJournal(client);
    if (!state) {
      throw new OdooSetupError('odoo_error', `Odoo created the ${TAMARA_JOURNAL.code} journal (id ${journalId}) but does not return it when searched by its code.`, { step: 'journal' });
    }
  }
  const journalIsNew = items[0].outcome === 'created';
  const inbound = await ensureMethodLine(client, state.journalId, 'inbound', state.inboundMethodLineId, journalIsNew, items);
  const outbound = await ensureMethodLine(client, state.journalId, 'outbound', state.outboundMethodLineId, journalIsNew, items);
  return { items, journal: { journalId: state.journalId, inboundMethodLineId: inbound, outboundMethodLineId: outbound } };
}

async function ensureMethodLine(
  client: OdooSetupClient,
  journalId: number,
  direction: 'inbound' | 'outbound',
  existingId: number | undefined,
  journalIsNew: boolean,
  items: SetupItem[],
): Promise<number> {
  const subject = `${direction} payment method line "Manual Payment" of the Tamara journal`;
  if (existingId !== undefined) {
    items.push(
      journalIsNew
        ? { kind: 'payment_method_line', subject, outcome: 'created', recordId: existingId, note: 'by Odoo, with the journal' }
        : { kind: 'payment_method_line', subject, outcome: 'already_present', recordId: existingId },
    );
    return existingId;
  }
  const [manual] = await client.searchRead('account.payment.method', [['code', '=', 'manual'], ['payment_type', '=', direction]], {
    fields: ['id'],
    limit: 1,
    schema: methodRow,
  });
  if (!manual) {
    throw new OdooSetupError('module_missing', `Odoo has no "Manual" ${direction} payment method (account.payment.method); is the Invoicing app fully installed?`, {
      step: 'journal',
    });
  }
  const id = await client.create('account.payment.method.line', { journal_id: journalId, payment_method_id: manual.id, name: 'Manual Payment' });
  items.push({ kind: 'payment_method_line', subject, outcome: 'created', recordId: id });
  return id;
}
