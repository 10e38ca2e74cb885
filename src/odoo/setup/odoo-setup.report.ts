import { assertUnreachable } from '../../shared/errors/app-error';

export type SetupOutcome = 'created' | 'already_present' | 'updated' | 'skipped';

export type SetupItemKind = 'field' | 'server_action' | 'form_view' | 'journal' | 'payment_method_line' | 'webhook_action' | 'automation_rule';

/** One thing setup looked at, and what it did about it. */
export interface SetupItem {
  readonly kind: SetupItemKind;
  /** In words, e.g. `field x_tamara_pay`, `server action "Pay with Tamara"`. */
  readonly subject: string;
  /** The Odoo model it belongs to, when it belongs to one. */
  readonly model?: string;
  readonly outcome: SetupOutcome;
  /** Why it was skipped, or what was changed. Never contains a secret. */
  readonly note?: string;
  /** The Odoo record id, when there is a record. */
  readonly recordId?: number;
}

export interface OdooSetupReport {
  /** As Odoo reports it, e.g. "18.0-20250421". */
  readonly odooVersion: string;
  readonly items: readonly SetupItem[];
  /** The "Tamara" bank journal (code TMR) payments are registered in. */
  readonly tamaraJournalId: number;
  /** Its inbound "Manual" payment method line (customer payments). */
  readonly inboundMethodLineId: number;
  /** Its outbound "Manual" payment method line (refunds). */
  readonly outboundMethodLineId: number;
}

/** True when the run created or changed something in Odoo. */
export function setupChangedOdoo(items: readonly SetupItem[]): boolean {
  return items.some((item) => item.outcome === 'created' || item.outcome === 'updated');
}

function outcomeWords(outcome: SetupOutcome): string {
  switch (outcome) {
    case 'created':
      return 'created';
    case 'already_present':
      return 'already present';
    case 'updated':
      return 'updated';
    case 'skipped':
      return 'skipped';
    default:
      return assertUnreachable(outcome, 'setup outcome');
  }
}

/** One line per item: "  created          field x_tamara_pay on account.move (id 6540)". */
export function formatSetupItems(items: readonly SetupItem[]): string[] {
  return items.map((item) => {
    const where = item.model ? ` on ${item.model}` : '';
    const id = item.recordId !== undefined ? ` (id ${item.recordId})` : '';
    const note = item.note ? ` — ${item.note}` : '';
    return `  ${outcomeWords(item.outcome).padEnd(16)} ${item.subject}${where}${id}${note}`;
  });
}

/** The whole report in plain words, as the `setup` command prints it. */
export function formatSetupReport(report: OdooSetupReport): string[] {
  const counts = new Map<SetupOutcome, number>();
  for (const item of report.items) counts.set(item.outcome, (counts.get(item.outcome) ?? 0) + 1);
  const summary = (['created', 'updated', 'already_present', 'skipped'] as const)
    .filter((outcome) => counts.has(outcome))
    .map((outcome) => `${counts.get(outcome)} ${outcomeWords(outcome)}`)
    .join(', ');
  return [
    `Odoo ${report.odooVersion}: Tamara setup`,
    ...formatSetupItems(report.items),
    `Summary: ${summary}${setupChangedOdoo(report.items) ? '' : ' — nothing to change, Odoo was already set up'}.`,
    `Tamara journal id ${report.tamaraJournalId}, inbound payment method line ${report.inboundMethodLineId}, outbound payment method line ${report.outboundMethodLineId}.`,
  ];
}
