/**
 * The emulator's notion of "now". Odoo stamps records with the transaction time in UTC and
 * computes "today" (invoice dates) in the user's time zone; tests pin or advance this clock to
 * get deterministic dates and `write_date` cursors.
 */
export class EmulatorClock {
  private pinned: Date | undefined;
  private offsetMs = 0;

  constructor(private readonly source: () => Date = () => new Date()) {}

  now(): Date {
    return this.pinned ? new Date(this.pinned.getTime()) : new Date(this.source().getTime() + this.offsetMs);
  }

  /** Stops the clock at `at` (a Date or any string `Date` parses; a string without zone is UTC). */
  set(at: Date | string): void {
    this.pinned = typeof at === 'string' ? parseUtc(at) : new Date(at.getTime());
  }

  /** Moves the clock forward (pinned or running). */
  advance(ms: number): void {
    if (this.pinned) this.pinned = new Date(this.pinned.getTime() + ms);
    else this.offsetMs += ms;
  }

  /** Lets the clock run from the source again. */
  release(): void {
    this.pinned = undefined;
    this.offsetMs = 0;
  }
}

function parseUtc(text: string): Date {
  const hasZone = /[zZ]|[+-]\d\d:?\d\d$/.test(text);
  const date = new Date(hasZone ? text : `${text.replace(' ', 'T')}Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid clock time ${text}`);
  return date;
}

/** Stored datetime text: "YYYY-MM-DD HH:MM:SS.ffffff" in UTC (Odoo keeps microseconds in PostgreSQL). */
export function toStoredDatetime(date: Date): string {
  const iso = date.toISOString(); // 2026-11-24T10:52:21.123Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

/** The calendar date in the user's time zone (the transcripts' admin uses Asia/Riyadh, UTC+3 without DST). */
export function toUserDate(date: Date, utcOffsetMinutes = 180): string {
  return new Date(date.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
