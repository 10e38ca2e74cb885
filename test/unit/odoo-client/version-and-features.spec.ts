import { OdooVersionFeatures, isAtLeast, parseOdooVersion, parseOdooVersionText } from '../../../src/odoo/client';

describe('server version parsing', () => {
  it.each([
    ['16.0', [16, 0, 0, 'final', 0, ''], '16.0', { major: 16, minor: 0, serie: '16.0', saas: false }],
    ['17.0+e', [17, 0, 0, 'final', 0, 'e'], '17.0', { major: 17, minor: 0, serie: '17.0', saas: false }],
    ['18.0-20250421', [18, 0, 0, 'final', 0, ''], '18.0', { major: 18, minor: 0, serie: '18.0', saas: false }],
    ['19.0', [19, 0, 0, 'final', 0, ''], undefined, { major: 19, minor: 0, serie: '19.0', saas: false }],
    ['saas~17.2+e', ['saas~17', 2, 0, 'final', 0, 'e'], 'saas~17.2', { major: 17, minor: 2, serie: 'saas~17.2', saas: true }],
    ['saas~18.3', ['saas~18', 3, 0, 'final', 0, ''], undefined, { major: 18, minor: 3, serie: 'saas~18.3', saas: true }],
    ['saas-17.2', ['saas-17', 2, 0, 'final', 0, ''], undefined, { major: 17, minor: 2, serie: 'saas~17.2', saas: true }],
  ])('%s', (raw, info, serie, expected) => {
    expect(parseOdooVersion(info, raw, serie)).toEqual({ ...expected, raw, ...(serie ? { serie } : {}) });
  });

  it('falls back to the version string when version_info is unusable', () => {
    expect(parseOdooVersion([], 'saas-17.2')).toEqual({ major: 17, minor: 2, serie: 'saas~17.2', raw: 'saas-17.2', saas: true });
    expect(parseOdooVersion(['x', 'y'], '16.0')).toMatchObject({ major: 16, minor: 0 });
    expect(parseOdooVersion([null, null], 'master')).toBeUndefined();
  });

  it.each([
    ['saas-17.2', { major: 17, minor: 2, saas: true }],
    ['saas~18.2+e', { major: 18, minor: 2, saas: true }],
    ['18.0-20250421', { major: 18, minor: 0, saas: false }],
    ['19', { major: 19, minor: 0, saas: false }],
  ])('parses the string %s', (text, expected) => {
    expect(parseOdooVersionText(text)).toMatchObject(expected);
  });

  it('orders versions with SaaS releases between majors', () => {
    expect(isAtLeast({ major: 18, minor: 2 }, 18, 2)).toBe(true);
    expect(isAtLeast({ major: 18, minor: 1 }, 18, 2)).toBe(false);
    expect(isAtLeast({ major: 19, minor: 0 }, 18, 2)).toBe(true);
    expect(isAtLeast({ major: 17, minor: 4 }, 18)).toBe(false);
  });
});

describe('OdooVersionFeatures', () => {
  it.each([
    [16, 0, { paymentMemoField: 'ref', hasPartnerMobile: true, hasNameGet: true, reversalMethod: 'reverse_moves', messagePostBodyIsHtmlParam: false, defaultProtocol: 'jsonrpc' }],
    [17, 0, { paymentMemoField: 'ref', hasPartnerMobile: true, hasNameGet: true, reversalMethod: 'refund_moves', messagePostBodyIsHtmlParam: true, defaultProtocol: 'jsonrpc' }],
    [18, 0, { paymentMemoField: 'memo', hasPartnerMobile: true, hasNameGet: false, reversalMethod: 'refund_moves', messagePostBodyIsHtmlParam: true, defaultProtocol: 'jsonrpc' }],
    // res.partner.mobile was removed in saas~18.2.
    [18, 2, { paymentMemoField: 'memo', hasPartnerMobile: false, hasNameGet: false, reversalMethod: 'refund_moves', messagePostBodyIsHtmlParam: true, defaultProtocol: 'jsonrpc' }],
    [19, 0, { paymentMemoField: 'memo', hasPartnerMobile: false, hasNameGet: false, reversalMethod: 'refund_moves', messagePostBodyIsHtmlParam: true, defaultProtocol: 'json2' }],
  ])('%s.%s', (major, minor, expected) => {
    expect({ ...new OdooVersionFeatures({ major, minor }) }).toEqual({ version: { major, minor }, ...expected });
  });
});
