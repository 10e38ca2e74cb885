/** The custom fields the connector reads and writes on invoices and sales orders. */
export interface TamaraFieldSpec {
  readonly name: string;
  readonly type: 'boolean' | 'char';
  readonly label: string;
  readonly help: string;
  /**
   * Only the connector writes it. Odoo's `readonly` on a field is a UI attribute (the ORM, and so
   * RPC, still writes it), which is exactly what we want: users cannot type over Tamara's ids.
   */
  readonly readonlyForUsers: boolean;
  /** Chatter tracking order (mail's `tracking` integer); 0 = not tracked. */
  readonly tracking: number;
}

export const TAMARA_FIELDS: readonly TamaraFieldSpec[] = [
  {
    name: 'x_tamara_pay',
    type: 'boolean',
    label: 'Pay with Tamara',
    help: 'Tick to send the customer a Tamara payment link by SMS.',
    readonlyForUsers: false,
    tracking: 1,
  },
  {
    name: 'x_tamara_phone',
    type: 'char',
    label: 'Tamara phone (optional override)',
    help: "Mobile number for the Tamara link; empty = the customer's phone.",
    readonlyForUsers: false,
    tracking: 0,
  },
  {
    name: 'x_tamara_status',
    type: 'char',
    label: 'Tamara status',
    help: 'Set by the Tamara connector.',
    readonlyForUsers: true,
    tracking: 2,
  },
  {
    name: 'x_tamara_order_id',
    type: 'char',
    label: 'Tamara order ID',
    help: 'Set by the Tamara connector.',
    readonlyForUsers: true,
    tracking: 3,
  },
  {
    name: 'x_tamara_checkout_id',
    type: 'char',
    label: 'Tamara checkout ID',
    help: 'Set by the Tamara connector.',
    readonlyForUsers: true,
    tracking: 0,
  },
  {
    name: 'x_tamara_checkout_url',
    type: 'char',
    label: 'Tamara checkout URL',
    help: 'The payment link sent to the customer. Set by the Tamara connector.',
    readonlyForUsers: true,
    tracking: 0,
  },
  {
    name: 'x_tamara_refund_ids',
    type: 'char',
    label: 'Tamara refund IDs',
    help: 'Comma-separated Tamara refund ids. Set by the Tamara connector.',
    readonlyForUsers: true,
    tracking: 4,
  },
  {
    name: 'x_tamara_error',
    type: 'char',
    label: 'Tamara error',
    help: 'Why the last Tamara step failed, if it did. Set by the Tamara connector.',
    readonlyForUsers: true,
    tracking: 5,
  },
];

export const TAMARA_FIELD_NAMES: readonly string[] = TAMARA_FIELDS.map((field) => field.name);
