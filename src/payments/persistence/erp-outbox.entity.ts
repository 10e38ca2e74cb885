import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'done' | 'parked';

/** An ERP write-back recorded in the same transaction as the change it reports (transactional outbox). */
@Entity('erp_outbox')
export class ErpOutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'payment_link_id', type: 'uuid' }) paymentLinkId: string;
  @Column({ name: 'document_source', type: 'text' }) documentSource: string;
  @Column({ name: 'event_type', type: 'text' }) eventType: string;
  @Column({ name: 'dedupe_key', type: 'text' }) dedupeKey: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ type: 'text' }) status: OutboxStatus;
  @Column({ type: 'integer' }) attempts: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt: Date;
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true }) leaseUntil: Date | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt: Date | null;
}
