import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Cursors over Odoo's `write_date`. Odoo stamps write_date with the *transaction start* and returns
 * it to the second, so a record can appear "in the past" of one already read: every read starts an
 * overlap window before the cursor, and processing is idempotent, so re-reading is harmless.
 */
@Injectable()
export class OdooCursorRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(stream: string): Promise<string | undefined> {
    const rows: Array<{ write_date: string }> = await this.dataSource.query(`SELECT write_date FROM odoo_cursor WHERE stream = $1`, [stream]);
    return rows[0]?.write_date;
  }

  async advance(stream: string, writeDate: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO odoo_cursor (stream, write_date, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (stream) DO UPDATE SET write_date = GREATEST(odoo_cursor.write_date, EXCLUDED.write_date), updated_at = now()`,
      [stream, writeDate],
    );
  }
}
