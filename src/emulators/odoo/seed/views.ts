/** Simplified copies of the standard views the connector may inherit from (ids as in the recorded database). */
export interface SeedView {
  readonly id: number;
  readonly module: string;
  readonly xmlName: string;
  readonly name: string;
  readonly model: string;
  readonly type: 'form' | 'list' | 'search';
  readonly arch: string;
}

const MOVE_FORM = `<form string="Account Entry" js_class="account_move_form">
  <header>
    <button name="action_post" string="Confirm" type="object" invisible="state != 'draft'"/>
    <button name="action_register_payment" string="Pay" type="object"/>
    <button name="button_draft" string="Reset to Draft" type="object"/>
    <field name="state" widget="statusbar" statusbar_visible="draft,posted"/>
  </header>
  <sheet>
    <div name="button_box" class="oe_button_box"/>
    <div class="oe_title">
      <h1><field name="name" readonly="state != 'draft'"/></h1>
    </div>
    <group>
      <group id="header_left_group">
        <field name="partner_id"/>
        <field name="ref"/>
        <field name="payment_reference"/>
      </group>
      <group id="header_right_group">
        <field name="invoice_date"/>
        <field name="date"/>
        <field name="invoice_date_due"/>
        <field name="journal_id"/>
        <field name="currency_id"/>
      </group>
    </group>
    <notebook>
      <page id="invoice_tab" name="invoice_tab" string="Invoice Lines">
        <field name="invoice_line_ids"/>
        <group class="oe_subtotal_footer">
          <field name="amount_untaxed"/>
          <field name="amount_tax"/>
          <field name="amount_total"/>
          <field name="amount_residual"/>
        </group>
      </page>
      <page id="aml_tab" name="aml_tab" string="Journal Items">
        <field name="line_ids"/>
      </page>
      <page id="other_tab" name="other_info" string="Other Info">
        <group>
          <group name="sale_info_group" string="Invoice">
            <field name="invoice_user_id"/>
            <field name="invoice_origin"/>
          </group>
          <group name="accounting_info_group" string="Accounting">
            <field name="company_id"/>
          </group>
        </group>
      </page>
    </notebook>
  </sheet>
  <chatter/>
</form>`;

const MOVE_LIST = `<list string="Invoices" js_class="account_tree">
  <field name="name"/>
  <field name="partner_id"/>
  <field name="invoice_date"/>
  <field name="invoice_date_due"/>
  <field name="amount_total"/>
  <field name="payment_state"/>
  <field name="state"/>
</list>`;

const MOVE_SEARCH = `<search string="Search Invoice">
  <field name="name"/>
  <field name="partner_id"/>
  <filter name="draft" string="Draft" domain="[('state', '=', 'draft')]"/>
  <filter name="posted" string="Posted" domain="[('state', '=', 'posted')]"/>
</search>`;

const ORDER_FORM = `<form string="Sales Order" class="o_sale_order">
  <header>
    <button name="action_confirm" string="Confirm" type="object"/>
    <button name="action_cancel" string="Cancel" type="object"/>
    <field name="state" widget="statusbar" statusbar_visible="draft,sent,sale"/>
  </header>
  <sheet>
    <div name="button_box" class="oe_button_box"/>
    <div class="oe_title">
      <h1><field name="name" readonly="1"/></h1>
    </div>
    <group name="sale_header">
      <group name="partner_details">
        <field name="partner_id"/>
      </group>
      <group name="order_details">
        <field name="date_order"/>
      </group>
    </group>
    <notebook>
      <page string="Order Lines" name="order_lines">
        <field name="order_line"/>
        <group name="note_group">
          <field name="amount_untaxed"/>
          <field name="amount_total"/>
        </group>
      </page>
      <page string="Other Info" name="other_information">
        <group>
          <group name="sales_person" string="Sales">
            <field name="user_id"/>
            <field name="client_order_ref"/>
          </group>
        </group>
      </page>
    </notebook>
  </sheet>
  <chatter/>
</form>`;

const PARTNER_FORM = `<form string="Partners">
  <sheet>
    <div class="oe_title"><h1><field name="name"/></h1></div>
    <group>
      <group name="address"><field name="street"/><field name="city"/><field name="country_id"/></group>
      <group name="contact"><field name="phone"/><field name="email"/></group>
    </group>
  </sheet>
  <chatter/>
</form>`;

export const SEED_VIEWS: readonly SeedView[] = [
  { id: 120, module: 'base', xmlName: 'view_partner_form', name: 'res.partner.form', model: 'res.partner', type: 'form', arch: PARTNER_FORM },
  { id: 702, module: 'account', xmlName: 'view_out_invoice_tree', name: 'account.out.invoice.list', model: 'account.move', type: 'list', arch: MOVE_LIST },
  { id: 709, module: 'account', xmlName: 'view_move_form', name: 'account.move.form', model: 'account.move', type: 'form', arch: MOVE_FORM },
  { id: 712, module: 'account', xmlName: 'view_account_invoice_filter', name: 'account.invoice.select', model: 'account.move', type: 'search', arch: MOVE_SEARCH },
  { id: 1124, module: 'sale', xmlName: 'view_order_form', name: 'sale.order.form', model: 'sale.order', type: 'form', arch: ORDER_FORM },
];
