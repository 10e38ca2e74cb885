import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type InboxStatus = 'pending' | 'processed' | 'ignored';

/** A verified Tamara notification, stored before it is acknowledged and processed later. */
@Entity('tamara_inbox')
export class TamaraInboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'dedupe_key', type: 'text' }) dedupeKey: string;
  @Column({ name: 'tamara_order_id', type: 'text' }) tamaraOrderId: string;
  @Column({ name: 'order_reference_id', type: 'text', nullable: true }) orderReferenceId: string | null;
  @Column({ name: 'event_type', type: 'text' }) eventType: string;
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  @Column({ type: 'text' }) status: InboxStatus;
  @Column({ type: 'integer' }) attempts: number;
  @Column({ type: 'integer' }) duplicates: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt: Date;
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true }) leaseUntil: Date | null;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true }) processedAt: Date | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
}
