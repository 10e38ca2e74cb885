import { z } from 'zod';
import { m2oId } from '../client';
import type { OdooClient } from '../client';
import { TAMARA_JOURNAL } from './odoo-setup.constants';

/** What the connector needs to register a Tamara payment or refund in Odoo. */
export interface TamaraJournalRef {
  readonly journalId: number;
  /** "Manual" inbound payment method line: customer payments. */
  readonly inboundMethodLineId: number;
  /** "Manual" outbound payment method line: refunds of credit notes. */
  readonly outboundMethodLineId: number;
}

/** The journal with code TMR as found, with whatever method lines it has (setup completes it). */
export interface TamaraJournalState {
  readonly journalId: number;
  readonly type: string;
  readonly inboundMethodLineId?: number;
  readonly outboundMethodLineId?: number;
}

type JournalReader = Pick<OdooClient, 'searchRead'>;

const journalRow = z.object({ id: z.number().int(), type: z.string() });
const methodLineRow = z.object({
  id: z.number().int(),
  payment_type: z.union([z.string(), z.literal(false)]),
  code: z.union([z.string(), z.literal(false)]),
  payment_method_id: z.union([z.tuple([z.number().int(), z.string()]), z.literal(false)]),
});

/** Prefers the "manual" method of a direction (what setup creates), else the first one. */
function pickLine(lines: readonly z.output<typeof methodLineRow>[], direction: 'inbound' | 'outbound'): number | undefined {
  const ofDirection = lines.filter((line) => line.payment_type === direction && m2oId(line.payment_method_id) !== undefined);
  return (ofDirection.find((line) => line.code === 'manual') ?? ofDirection[0])?.id;
}

/**
 * Reads the journal with code TMR (transcripts 082, 085). Journal codes are unique per company
 * and Odoo's record rules limit the search to the user's companies; with several, the oldest wins.
 */
export async function readTamaraJournal(client: JournalReader): Promise<TamaraJournalState | null> {
  const [journal] = await client.searchRead('account.journal', [['code', '=', TAMARA_JOURNAL.code]], {
    fields: ['type'],
    order: 'id',
    limit: 1,
    schema: journalRow,
  });
  if (!journal) return null;
  const lines = await client.searchRead('account.payment.method.line', [['journal_id', '=', journal.id]], {
    fields: ['payment_type', 'code', 'payment_method_id'],
    order: 'sequence, id',
    schema: methodLineRow,
  });
  return {
    journalId: journal.id,
    type: journal.type,
    inboundMethodLineId: pickLine(lines, 'inbound'),
    outboundMethodLineId: pickLine(lines, 'outbound'),
  };
}

/**
 * The Tamara journal and its inbound/outbound method lines, or null when it is missing, is not
 * a bank/cash journal or lacks a line — all cases that `npm run cli -- setup` fixes or explains.
 */
export async function findTamaraJournal(client: JournalReader): Promise<TamaraJournalRef | null> {
  const state = await readTamaraJournal(client);
  if (!state || (state.type !== 'bank' && state.type !== 'cash')) return null;
  if (state.inboundMethodLineId === undefined || state.outboundMethodLineId === undefined) return null;
  return { journalId: state.journalId, inboundMethodLineId: state.inboundMethodLineId, outboundMethodLineId: state.outboundMethodLineId };
}
