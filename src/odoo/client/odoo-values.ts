import { OdooError } from './odoo-error';
import type { OdooMany2one } from './odoo-types';

/**
 * Converters for the values Odoo reads and writes. On the wire an empty field is `false` (never
 * null), a many2one is `[id, "display name"]`, datetimes are naive UTC "YYYY-MM-DD HH:MM:SS" and
 * dates "YYYY-MM-DD".
 */

/** The id of a many2one value, or undefined when the field is empty. Also accepts a raw id (load=None). */
export function m2oId(value: OdooMany2one | number | null | undefined): number | undefined {
  if (typeof value === 'number') return value;
  return Array.isArray(value) ? value[0] : undefined;
}

/** The display name of a many2one value, or undefined when empty. */
export function m2oName(value: OdooMany2one | null | undefined): string | undefined {
  return Array.isArray(value) ? value[1] : undefined;
}

/** A char/text/selection value; Odoo's `false` (empty) becomes undefined. */
export function odooText(value: string | false | null | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** An integer/float value read as `false` (empty integer fields) becomes undefined. */
export function odooNumber(value: number | false | null | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** The value to write for "empty" in any field: Odoo wants `false`, not null. */
export function toOdooValue<T>(value: T | null | undefined): T | false {
  return value === null || value === undefined ? false : value;
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-11-24 10:54:11" (UTC, no zone marker) → Date; `false` → undefined. */
export function parseOdooDatetime(value: string | false | null | undefined): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATETIME.exec(value);
  if (!match) throw badValue('datetime', value);
  const [, y, mo, d, h, mi, s, fraction] = match;
  const millis = fraction ? Math.floor(Number(fraction.padEnd(6, '0')) / 1000) : 0;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), millis));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1) throw badValue('datetime', value);
  return date;
}

/**
 * Date → "YYYY-MM-DD HH:MM:SS" in UTC. Milliseconds are dropped because Odoo returns write_date
 * truncated to the second (transcript 127); a cursor keeps its own `>=` semantics.
 */
export function formatOdooDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** "2026-11-24" → Date at 00:00 UTC; `false` → undefined. */
export function parseOdooDate(value: string | false | null | undefined): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE.exec(value);
  if (!match) throw badValue('date', value);
  const [, y, mo, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1) throw badValue('date', value);
  return date;
}

/** Date → "YYYY-MM-DD" (its UTC calendar day). */
export function formatOdooDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function badValue(what: string, value: string): OdooError {
  return new OdooError('invalid_response', `Odoo returned an unreadable ${what}: ${JSON.stringify(value.slice(0, 40))}`);
}
