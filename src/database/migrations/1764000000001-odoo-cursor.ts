import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where the Odoo poller stopped reading each stream of documents (write_date cursor). */
export class OdooCursor1764000000001 implements MigrationInterface {
  name = 'OdooCursor1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE odoo_cursor (
        stream text PRIMARY KEY,
        write_date text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE odoo_cursor`);
  }
}
