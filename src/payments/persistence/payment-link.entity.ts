import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PaymentLinkStatus } from '../domain/payment-link-status';
import type { DocumentSource } from '../../erp/erp-port';

/** Kept only until Tamara confirmed the create: it holds the customer phone (PII). */
export interface StoredCreateRequest {
  phoneNumber: string;
  email?: string;
  orderNumber?: string;
  locale: 'ar_SA' | 'en_US';
  paymentType: 'PAY_BY_INSTALMENTS' | 'PAY_NOW';
  items: Array<{
    referenceId: string;
    type: string;
    name: string;
    sku: string;
    quantity: string;
    unitPrice?: string;
    taxAmount?: string;
    discountAmount?: string;
    totalAmount: string;
  }>;
}

@Entity('payment_link')
export class PaymentLinkEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'document_source', type: 'text' }) documentSource: DocumentSource;
  @Column({ name: 'document_id', type: 'text' }) documentId: string;
  @Column({ name: 'document_reference', type: 'text' }) documentReference: string;
  @Column({ type: 'integer' }) attempt: number;
  @Column({ name: 'order_reference_id', type: 'text' }) orderReferenceId: string;
  @Column({ name: 'tamara_order_id', type: 'text', nullable: true }) tamaraOrderId: string | null;
  @Column({ name: 'checkout_id', type: 'text', nullable: true }) checkoutId: string | null;
  @Column({ name: 'checkout_url', type: 'text', nullable: true }) checkoutUrl: string | null;
  @Column({ type: 'text' }) status: PaymentLinkStatus;
  @Column({ type: 'text' }) currency: string;
  /** numeric comes back from pg as exact text; it is turned into Money by the mapper. */
  @Column({ type: 'numeric', precision: 20, scale: 3 }) amount: string;
  @Column({ name: 'captured_amount', type: 'numeric', precision: 20, scale: 3 }) capturedAmount: string;
  @Column({ name: 'refunded_amount', type: 'numeric', precision: 20, scale: 3 }) refundedAmount: string;
  @Column({ name: 'phone_masked', type: 'text' }) phoneMasked: string;
  @Column({ name: 'create_request', type: 'jsonb', nullable: true }) createRequest: StoredCreateRequest | null;
  @Column({ name: 'store_code', type: 'text', nullable: true }) storeCode: string | null;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
  @Column({ name: 'idempotency_fingerprint', type: 'text', nullable: true }) idempotencyFingerprint: string | null;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'next_check_at', type: 'timestamptz', nullable: true }) nextCheckAt: Date | null;
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true }) leaseUntil: Date | null;
  @Column({ name: 'check_count', type: 'integer' }) checkCount: number;
  @Column({ name: 'create_attempts', type: 'integer' }) createAttempts: number;
  @Column({ name: 'last_create_attempt_at', type: 'timestamptz', nullable: true }) lastCreateAttemptAt: Date | null;
  @Column({ name: 'error_code', type: 'text', nullable: true }) errorCode: string | null;
  @Column({ name: 'error_message', type: 'text', nullable: true }) errorMessage: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
