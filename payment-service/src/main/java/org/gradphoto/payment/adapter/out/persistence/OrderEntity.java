package org.gradphoto.payment.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(
    name = "payment_order",
    indexes = {
      @Index(name = "payment_order_collection", columnList = "collection_id, created_at"),
      @Index(name = "payment_order_batch", columnList = "batch_id, created_at"),
      @Index(name = "payment_order_state", columnList = "state, created_at")
    })
public class OrderEntity extends PanacheEntityBase {
  @Id
  @Column(name = "order_id")
  public UUID id;

  @Column(name = "collection_id", nullable = false)
  public UUID collectionId;

  @Column(name = "student_id", nullable = false)
  public UUID studentId;

  @Column(name = "batch_id", nullable = false)
  public UUID batchId;

  @Column(name = "school_code", nullable = false)
  public String schoolCode;

  @Column(name = "amount_fen", nullable = false)
  public long amountFen;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(nullable = false)
  public String state;

  @Column(name = "prepay_id")
  public String prepayId;

  @Column(name = "prepaid_at")
  public Instant prepaidAt;

  @Column(name = "transaction_id")
  public String transactionId;

  @Column(name = "paid_at")
  public Instant paidAt;

  @Column(name = "closed_at")
  public Instant closedAt;

  @Column(name = "refund_status", nullable = false)
  public String refundStatus;

  @Column(name = "refund_reason")
  public String refundReason;

  @Column(name = "refunded_by")
  public String refundedBy;

  @Column(name = "refund_requested_at")
  public Instant refundRequestedAt;

  @Column(name = "refunded_at")
  public Instant refundedAt;

  @Column(columnDefinition = "text")
  public String anomaly;
}
