import {
  OdooError,
  formatOdooDate,
  formatOdooDatetime,
  m2oId,
  m2oName,
  odooNumber,
  odooText,
  parseOdooDate,
  parseOdooDatetime,
  toOdooValue,
} from '../../../src/odoo/client';

describe('Odoo value converters', () => {
  it('many2one: [id, name] | false', () => {
    expect(m2oId([7, 'Tamara Test Customer'])).toBe(7);
    expect(m2oName([7, 'Tamara Test Customer'])).toBe('Tamara Test Customer');
    expect(m2oId(false)).toBeUndefined();
    expect(m2oName(false)).toBeUndefined();
    // load=None returns the raw id.
    expect(m2oId(7)).toBe(7);
  });

  it('false → undefined for char and number fields, and back', () => {
    expect(odooText(false)).toBeUndefined();
    expect(odooText('INV/2026/00001')).toBe('INV/2026/00001');
    expect(odooText('')).toBe('');
    expect(odooNumber(false)).toBeUndefined();
    expect(odooNumber(0)).toBe(0);
    expect(toOdooValue(undefined)).toBe(false);
    expect(toOdooValue(null)).toBe(false);
    expect(toOdooValue('x')).toBe('x');
  });

  it('datetimes are naive UTC "YYYY-MM-DD HH:MM:SS"', () => {
    const date = parseOdooDatetime('2026-11-24 10:54:11');
    expect(date?.toISOString()).toBe('2026-11-24T10:54:11.000Z');
    expect(parseOdooDatetime('2026-11-24 10:54:11.123456')?.toISOString()).toBe('2026-11-24T10:54:11.123Z');
    expect(parseOdooDatetime(false)).toBeUndefined();
    expect(formatOdooDatetime(new Date('2026-11-24T10:54:11.987Z'))).toBe('2026-11-24 10:54:11');
    expect(formatOdooDatetime(parseOdooDatetime('2026-02-28 23:59:59') as Date)).toBe('2026-02-28 23:59:59');
  });

  it('dates are "YYYY-MM-DD"', () => {
    expect(parseOdooDate('2026-11-24')?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(parseOdooDate(false)).toBeUndefined();
    expect(formatOdooDate(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-24');
  });

  it.each(['2026-11-24T10:54:11Z', '2026-13-01 00:00:00', '2026-02-30 00:00:00', 'yesterday'])('refuses %s as a datetime', (text) => {
    expect(() => parseOdooDatetime(text)).toThrow(OdooError);
  });

  it.each(['2026-02-30', '24/11/2026'])('refuses %s as a date', (text) => {
    expect(() => parseOdooDate(text)).toThrow(expect.objectContaining({ kind: 'invalid_response' }));
  });
});
