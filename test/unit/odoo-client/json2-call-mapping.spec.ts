import { OdooError, toJson2Body } from '../../../src/odoo/client';

describe('execute_kw positional calls → JSON-2 named bodies', () => {
  it.each([
    [
      'search_read, domain positional, the rest by name',
      'search_read',
      [[['state', '=', 'posted']]],
      { fields: ['name'], order: 'id asc', limit: 5, offset: 10 },
      { domain: [['state', '=', 'posted']], fields: ['name'], order: 'id asc', limit: 5, offset: 10 },
    ],
    ['search_read, all positional', 'search_read', [[], ['name'], 10, 5, 'id'], {}, { domain: [], fields: ['name'], offset: 10, limit: 5, order: 'id' }],
    ['search', 'search', [[['id', '>', 4]]], { limit: 1 }, { domain: [['id', '>', 4]], limit: 1 }],
    ['search_count', 'search_count', [[['x_tamara_pay', '=', true]]], {}, { domain: [['x_tamara_pay', '=', true]] }],
    ['read: ids first, fields by name', 'read', [[1, 2]], { fields: ['name'] }, { ids: [1, 2], fields: ['name'] }],
    ['read: fields positional', 'read', [[1], ['name']], {}, { ids: [1], fields: ['name'] }],
    ['create one dict (@api.model)', 'create', [{ name: 'x' }], {}, { vals_list: { name: 'x' } }],
    ['create a list', 'create', [[{ name: 'x' }, { name: 'y' }]], {}, { vals_list: [{ name: 'x' }, { name: 'y' }] }],
    ['write', 'write', [[7], { x_tamara_status: 'new' }], {}, { ids: [7], vals: { x_tamara_status: 'new' } }],
    ['unlink', 'unlink', [[12]], {}, { ids: [12] }],
    ['fields_get', 'fields_get', [['phone', 'mobile']], { attributes: ['type'] }, { allfields: ['phone', 'mobile'], attributes: ['type'] }],
    [
      'message_post (keyword-only parameters)',
      'message_post',
      [[1]],
      { body: 'x', message_type: 'comment', subtype_xmlid: 'mail.mt_note' },
      { ids: [1], body: 'x', message_type: 'comment', subtype_xmlid: 'mail.mt_note' },
    ],
    ['action_post', 'action_post', [[1]], {}, { ids: [1] }],
    ['button_cancel', 'button_cancel', [[11]], {}, { ids: [11] }],
    ['action_confirm', 'action_confirm', [[1]], {}, { ids: [1] }],
    ['wizard action', 'action_create_payments', [[3]], {}, { ids: [3] }],
    ['reverse_moves (16) with its flag', 'reverse_moves', [[1], false], {}, { ids: [1], is_modify: false }],
    ['a bare id, as execute_kw accepts', 'action_post', [5], {}, { ids: [5] }],
    ['an unknown method on records: args[0] is ids (Odoo’s own rule)', 'action_send_to_tamara', [[3]], { force: true }, { ids: [3], force: true }],
    ['an unknown method without args: no ids', 'get_tamara_settings', [], { company_id: 1 }, { company_id: 1 }],
    ['context_get (@api.model, no args)', 'context_get', [], {}, {}],
  ])('%s', (_what, method, args, kwargs, expected) => {
    expect(toJson2Body('account.move', method, args, kwargs)).toEqual(expected);
  });

  it('names extra positional args of an unknown method from a per-call signature', () => {
    expect(toJson2Body('res.partner', 'find_by_phone', ['+966512345678', 5], {}, { binding: 'model', params: ['phone', 'limit'] })).toEqual({
      phone: '+966512345678',
      limit: 5,
    });
  });

  it.each([
    ['more positional args than known names', 'search_count', [[], 5, 'extra'], {}],
    ['an unknown method with a second positional arg', 'action_frobnicate', [[1], 'x'], {}],
    ['the same argument twice', 'read', [[1], ['name']], { fields: ['state'] }],
    ['ids in kwargs', 'action_post', [], { ids: [1] }],
    ['a record method without ids', 'write', [], {}],
    ['ids that are not integers', 'action_post', [[null]], {}],
  ])('refuses %s as a bug', (_what, method, args, kwargs) => {
    expect(() => toJson2Body('account.move', method, args, kwargs)).toThrow(OdooError);
    try {
      toJson2Body('account.move', method, args, kwargs);
    } catch (error) {
      expect((error as OdooError).kind).toBe('bug');
    }
  });
});
