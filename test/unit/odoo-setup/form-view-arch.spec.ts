import { connectorWebhookUrl, tamaraFormViewArch } from '../../../src/odoo/setup';
import { sameArch } from '../../../src/odoo/setup/form-view-arch';
import { redactedWebhookUrl } from '../../../src/odoo/setup/connector-webhook-url';

describe('the Tamara form view arch', () => {
  it('is one xpath before the notebook with the connector fields read-only', () => {
    expect(tamaraFormViewArch('sale.order', 18)).toBe(
      [
        '<data>',
        '  <xpath expr="//sheet/notebook" position="before">',
        '    <group name="tamara" string="Tamara">',
        '      <group name="tamara_request">',
        '        <field name="x_tamara_pay"/>',
        '        <field name="x_tamara_phone"/>',
        '        <field name="x_tamara_status" readonly="1"/>',
        '        <field name="x_tamara_error" readonly="1"/>',
        '      </group>',
        '      <group name="tamara_references">',
        '        <field name="x_tamara_order_id" readonly="1"/>',
        '        <field name="x_tamara_checkout_id" readonly="1"/>',
        '        <field name="x_tamara_checkout_url" readonly="1" widget="url"/>',
        '        <field name="x_tamara_refund_ids" readonly="1"/>',
        '      </group>',
        '    </group>',
        '  </xpath>',
        '</data>',
      ].join('\n'),
    );
  });

  it('hides the group outside customer invoices and credit notes, in each version’s syntax', () => {
    expect(tamaraFormViewArch('account.move', 16)).toContain(`<group name="tamara" string="Tamara" attrs="{'invisible': [('move_type', 'not in', ('out_invoice', 'out_refund'))]}">`);
    for (const major of [17, 18, 19]) {
      expect(tamaraFormViewArch('account.move', major)).toContain(`<group name="tamara" string="Tamara" invisible="move_type not in ('out_invoice', 'out_refund')">`);
    }
  });

  it('compares archs the way Odoo may re-serialise them', () => {
    const arch = tamaraFormViewArch('account.move', 18);
    expect(sameArch(arch, arch.replace(/\n\s*/g, '').replace(/"\/>/g, '" />'))).toBe(true);
    expect(sameArch(arch, arch.replace('x_tamara_error', 'x_tamara_status'))).toBe(false);
  });
});

describe('the connector webhook URL', () => {
  it('joins PUBLIC_URL and the route, URL-encodes the token, and can be shown without it', () => {
    const url = connectorWebhookUrl('https://pay.example.com/tamara/', 'a+b/c=d&e');
    expect(url).toBe('https://pay.example.com/tamara/webhooks/odoo?token=a%2Bb%2Fc%3Dd%26e');
    expect(redactedWebhookUrl(url)).toBe('https://pay.example.com/tamara/webhooks/odoo?token=…');
  });
});
