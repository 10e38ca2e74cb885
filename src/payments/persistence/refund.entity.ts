import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * - requested: intent committed, Tamara call under way.
 * - unknown: the call's outcome is unknown; resolved by reading the order, never by resending blindly.
 * - succeeded: Tamara returned (or the order shows) a refund_id.
 * - failed: Tamara refused it; nothing was refunded.
 * - needs_review: the outcome could not be established automatically; a person must check.
 */
export type RefundStatus = 'requested' | 'unknown' | 'succeeded' | 'failed' | 'needs_review';

@Entity('refund')
export class RefundEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'payment_link_id', type: 'uuid' }) paymentLinkId: string;
  @Column({ name: 'request_key', type: 'text' }) requestKey: string;
  @Column({ type: 'numeric', precision: 20, scale: 3 }) amount: string;
  @Column({ type: 'text' }) currency: string;
  @Column({ type: 'text' }) comment: string;
  @Column({ type: 'text' }) status: RefundStatus;
  @Column({ name: 'tamara_refund_id', type: 'text', nullable: true }) tamaraRefundId: string | null;
  @Column({ type: 'integer' }) attempts: number;
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true }) lastAttemptAt: Date | null;
  @Column({ name: 'next_check_at', type: 'timestamptz', nullable: true }) nextCheckAt: Date | null;
  @Column({ name: 'error_code', type: 'text', nullable: true }) errorCode: string | null;
  @Column({ name: 'error_message', type: 'text', nullable: true }) errorMessage: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
