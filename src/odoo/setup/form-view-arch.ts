import type { TargetModelName } from './odoo-setup.constants';
import { TAMARA_FIELDS } from './tamara-fields.constant';

/**
 * The anchor: the notebook (Invoice Lines / Order Lines tabs…) sits directly under `<sheet>` in
 * `account.view_move_form` and `sale.view_order_form` of Odoo 16, 17 and 18, and other modules
 * add pages *inside* it rather than replacing it, so "before the notebook" survives upgrades and
 * third-party modules better than anchoring on a named field or group.
 */
export const FORM_VIEW_ANCHOR = '//sheet/notebook';

/** Left column: what a user sets and the current state; right column: Tamara's references. */
const LEFT_COLUMN = ['x_tamara_pay', 'x_tamara_phone', 'x_tamara_status', 'x_tamara_error'];
const RIGHT_COLUMN = ['x_tamara_order_id', 'x_tamara_checkout_id', 'x_tamara_checkout_url', 'x_tamara_refund_ids'];

/** Customer invoices and their credit notes are where Tamara applies; vendor bills and entries never. */
const TAMARA_MOVE_TYPES = "('out_invoice', 'out_refund')";

function fieldElement(name: string): string {
  const spec = TAMARA_FIELDS.find((field) => field.name === name);
  const readonly = spec?.readonlyForUsers ? ' readonly="1"' : '';
  const widget = name === 'x_tamara_checkout_url' ? ' widget="url"' : '';
  return `<field name="${name}"${readonly}${widget}/>`;
}

/**
 * Hides the group outside customer invoices/credit notes. The syntax changed in 17 (`attrs` was
 * removed in favour of Python expressions), hence one arch per version range; `move_type` is
 * already in the parent form of every version, as these modifiers require.
 */
function visibility(model: TargetModelName, odooMajor: number): string {
  if (model !== 'account.move') return '';
  return odooMajor >= 17
    ? ` invisible="move_type not in ${TAMARA_MOVE_TYPES}"`
    : ` attrs="{'invisible': [('move_type', 'not in', ${TAMARA_MOVE_TYPES})]}"`;
}

/** The inheriting arch that adds the "Tamara" group to the model's main form. */
export function tamaraFormViewArch(model: TargetModelName, odooMajor: number): string {
  return [
    '<data>',
    `  <xpath expr="${FORM_VIEW_ANCHOR}" position="before">`,
    `    <group name="tamara" string="Tamara"${visibility(model, odooMajor)}>`,
    '      <group name="tamara_request">',
    ...LEFT_COLUMN.map((name) => `        ${fieldElement(name)}`),
    '      </group>',
    '      <group name="tamara_references">',
    ...RIGHT_COLUMN.map((name) => `        ${fieldElement(name)}`),
    '      </group>',
    '    </group>',
    '  </xpath>',
    '</data>',
  ].join('\n');
}

/** Odoo re-serialises archs (lxml), so compare them without layout whitespace. */
export function sameArch(a: string, b: string): boolean {
  const canonical = (arch: string) =>
    arch
      .replace(/>\s+</g, '><')
      .replace(/\s*\/>/g, '/>')
      .replace(/\s+/g, ' ')
      .trim();
  return canonical(a) === canonical(b);
}
