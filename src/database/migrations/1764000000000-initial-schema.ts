import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The connector's own state. Hand-written (reviewed SQL, never `synchronize`).
 * Amounts are numeric(20,3): exact, and wide enough for the three-decimal currencies.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payment_link (
        id uuid PRIMARY KEY,
        document_source text NOT NULL,
        document_id text NOT NULL,
        document_reference text NOT NULL,
        attempt integer NOT NULL,
        order_reference_id text NOT NULL,
        tamara_order_id text,
        checkout_id text,
        checkout_url text,
        status text NOT NULL,
        currency text NOT NULL,
        amount numeric(20,3) NOT NULL,
        captured_amount numeric(20,3) NOT NULL DEFAULT 0,
        refunded_amount numeric(20,3) NOT NULL DEFAULT 0,
        phone_masked text NOT NULL,
        create_request jsonb,
        store_code text,
        idempotency_key text,
        idempotency_fingerprint text,
        expires_at timestamptz,
        next_check_at timestamptz,
        lease_until timestamptz,
        check_count integer NOT NULL DEFAULT 0,
        create_attempts integer NOT NULL DEFAULT 0,
        last_create_attempt_at timestamptz,
        error_code text,
        error_message text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_payment_link_order_reference UNIQUE (order_reference_id),
        CONSTRAINT uq_payment_link_tamara_order UNIQUE (tamara_order_id),
        CONSTRAINT uq_payment_link_idempotency_key UNIQUE (idempotency_key),
        CONSTRAINT uq_payment_link_document_attempt UNIQUE (document_source, document_id, attempt),
        CONSTRAINT ck_payment_link_amounts CHECK (amount > 0 AND captured_amount >= 0 AND refunded_amount >= 0 AND refunded_amount <= captured_amount)
      )`);
    // P1: at most one live link per ERP document, enforced by the database itself.
    await q.query(`
      CREATE UNIQUE INDEX ux_payment_link_live_document ON payment_link (document_source, document_id)
      WHERE status IN ('requested', 'new', 'approved', 'authorised')`);
    await q.query(`
      CREATE INDEX ix_payment_link_due ON payment_link (next_check_at)
      WHERE next_check_at IS NOT NULL`);
    await q.query(`CREATE INDEX ix_payment_link_document_reference ON payment_link (document_reference)`);

    await q.query(`
      CREATE TABLE refund (
        id uuid PRIMARY KEY,
        payment_link_id uuid NOT NULL REFERENCES payment_link(id),
        request_key text NOT NULL,
        amount numeric(20,3) NOT NULL,
        currency text NOT NULL,
        comment text NOT NULL,
        status text NOT NULL,
        tamara_refund_id text,
        attempts integer NOT NULL DEFAULT 0,
        last_attempt_at timestamptz,
        next_check_at timestamptz,
        error_code text,
        error_message text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_refund_request_key UNIQUE (request_key),
        CONSTRAINT uq_refund_tamara_refund UNIQUE (tamara_refund_id),
        CONSTRAINT ck_refund_amount CHECK (amount > 0)
      )`);
    await q.query(`CREATE INDEX ix_refund_link ON refund (payment_link_id)`);
    await q.query(`CREATE INDEX ix_refund_due ON refund (next_check_at) WHERE next_check_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE payment_event (
        id bigserial PRIMARY KEY,
        payment_link_id uuid NOT NULL REFERENCES payment_link(id),
        refund_id uuid REFERENCES refund(id),
        type text NOT NULL,
        from_status text,
        to_status text,
        cause text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_payment_event_link ON payment_event (payment_link_id, id)`);
    // The event log is append-only: history is evidence.
    await q.query(`
      CREATE FUNCTION payment_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'payment_event is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_payment_event_append_only BEFORE UPDATE OR DELETE ON payment_event
      FOR EACH ROW EXECUTE FUNCTION payment_event_append_only()`);

    await q.query(`
      CREATE TABLE tamara_inbox (
        id bigserial PRIMARY KEY,
        dedupe_key text NOT NULL,
        tamara_order_id text NOT NULL,
        order_reference_id text,
        event_type text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        duplicates integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        last_error text,
        CONSTRAINT uq_tamara_inbox_dedupe UNIQUE (dedupe_key)
      )`);
    await q.query(`CREATE INDEX ix_tamara_inbox_pending ON tamara_inbox (next_attempt_at) WHERE status = 'pending'`);

    await q.query(`
      CREATE TABLE erp_outbox (
        id bigserial PRIMARY KEY,
        payment_link_id uuid NOT NULL REFERENCES payment_link(id),
        document_source text NOT NULL,
        event_type text NOT NULL,
        dedupe_key text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        CONSTRAINT uq_erp_outbox_dedupe UNIQUE (dedupe_key)
      )`);
    await q.query(`CREATE INDEX ix_erp_outbox_pending ON erp_outbox (payment_link_id, id) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE erp_outbox`);
    await q.query(`DROP TABLE tamara_inbox`);
    await q.query(`DROP TRIGGER tr_payment_event_append_only ON payment_event`);
    await q.query(`DROP TABLE payment_event`);
    await q.query(`DROP FUNCTION payment_event_append_only`);
    await q.query(`DROP TABLE refund`);
    await q.query(`DROP TABLE payment_link`);
  }
}
