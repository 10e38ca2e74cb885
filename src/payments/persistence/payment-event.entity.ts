import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only history of every change to a link or refund, with its cause (a trigger forbids edits). */
@Entity('payment_event')
export class PaymentEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'payment_link_id', type: 'uuid' }) paymentLinkId: string;
  @Column({ name: 'refund_id', type: 'uuid', nullable: true }) refundId: string | null;
  @Column({ type: 'text' }) type: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus: string | null;
  @Column({ name: 'to_status', type: 'text', nullable: true }) toStatus: string | null;
  @Column({ type: 'text' }) cause: string;
  @Column({ type: 'jsonb' }) details: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
