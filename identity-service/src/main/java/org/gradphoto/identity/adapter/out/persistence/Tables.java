package org.gradphoto.identity.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.UUID;

/**
 * The tables of identity-service, declared as entities so Hibernate creates and updates the schema.
 * The repositories mostly speak SQL to them (bulk upserts, conditional updates); these classes stay
 * inside the persistence adapter.
 */
final class Tables {
  private Tables() {}

  @Entity
  @Table(name = "school")
  static class SchoolRow {
    @Id public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
  }

  @Entity
  @Table(name = "batch", indexes = @Index(name = "batch_school", columnList = "school_code"))
  static class BatchRow {
    @Id public UUID id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(nullable = false)
    public String name;

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Column(name = "price_fen", nullable = false)
    public long priceFen;

    @Column(name = "payment_policy", nullable = false)
    public String paymentPolicy;

    @Column(name = "spec_profile", nullable = false)
    public String specProfile;

    /** Comma-separated EligibilityMode names. */
    @Column(nullable = false)
    public String modes;

    @Column(name = "review_promise", nullable = false)
    public String reviewPromise;

    @Column(name = "service_description", columnDefinition = "text")
    public String serviceDescription;

    @Column(name = "shooting_requirements", columnDefinition = "text")
    public String shootingRequirements;

    @Column(name = "allow_submit_with_findings", nullable = false)
    public boolean allowSubmitWithFindings;

    /** Comma-separated colour names. */
    @Column(name = "background_colours", nullable = false)
    public String backgroundColours;

    @Column(name = "upload_min_bytes", nullable = false)
    public long uploadMinBytes;

    @Column(name = "upload_max_bytes", nullable = false)
    public long uploadMaxBytes;

    /** Sign-up and payment window; null on batches stored before it existed (= shooting window). */
    @Column(name = "sign_up_opens_at")
    public Instant signUpOpensAt;

    @Column(name = "sign_up_closes_at")
    public Instant signUpClosesAt;

    @Column(columnDefinition = "text")
    public String notice;

    @Column(name = "review_promise_text")
    public String reviewPromiseText;

    @Column(name = "support_phone")
    public String supportPhone;

    @Column(name = "support_hours")
    public String supportHours;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
  }

  @Entity
  @Table(
      name = "roster_entry",
      uniqueConstraints =
          @UniqueConstraint(
              name = "roster_entry_school_number",
              columnNames = {"school_code", "student_number"}),
      indexes = {
        @Index(name = "roster_entry_id_hash", columnList = "id_hash"),
        @Index(name = "roster_entry_chsi", columnList = "chsi_code"),
        @Index(name = "roster_entry_batch", columnList = "batch_id, student_number")
      })
  static class RosterEntryRow {
    @Id public UUID id;

    @Column(name = "batch_id", nullable = false)
    public UUID batchId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "student_number", nullable = false)
    public String studentNumber;

    @Column(nullable = false)
    public String name;

    @Column(name = "id_type", nullable = false)
    public String idType;

    /** HMAC of "TYPE:NUMBER" under the hash key: lookups without the clear number. */
    @Column(name = "id_hash", nullable = false)
    public String idHash;

    /** AES-GCM sealed number (v1:…). */
    @Column(name = "id_sealed", nullable = false, columnDefinition = "text")
    public String idSealed;

    @Column(name = "id_masked", nullable = false)
    public String idMasked;

    @Column(name = "phone_hash")
    public String phoneHash;

    @Column(name = "chsi_code")
    public String chsiCode;

    @Column(name = "degree_level", nullable = false)
    public String degreeLevel;

    @Column(name = "bound_student_id")
    public UUID boundStudentId;

    @Column(name = "bound_at")
    public Instant boundAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
  }

  @Entity
  @Table(name = "student")
  static class StudentRow {
    @Id public UUID id;

    @Column(name = "openid_hash", nullable = false, unique = true)
    public String openIdHash;

    @Column(name = "openid_sealed", nullable = false, columnDefinition = "text")
    public String openIdSealed;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_login_at", nullable = false)
    public Instant lastLoginAt;
  }

  @Entity
  @Table(
      name = "collection",
      indexes = {
        @Index(name = "collection_student", columnList = "student_id"),
        @Index(name = "collection_entry", columnList = "roster_entry_id")
      })
  static class CollectionRow {
    @Id public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "roster_entry_id", nullable = false)
    public UUID rosterEntryId;

    @Column(name = "batch_id", nullable = false)
    public UUID batchId;

    /** Price at the moment of the grant: what was shown is what is charged. */
    @Column(name = "price_fen", nullable = false)
    public long priceFen;

    @Column(nullable = false)
    public String status;

    @Column(name = "status_at", nullable = false)
    public Instant statusAt;

    /** JSON list of {code, message} of the last rejection. */
    @Column(name = "rejection_reasons", columnDefinition = "text")
    public String rejectionReasons;

    @Column(nullable = false)
    public boolean paid;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Set when an operator unbinds the roster entry; the collection no longer shows. */
    @Column(name = "revoked_at")
    public Instant revokedAt;
  }

  /** Who freed a roster entry from its WeChat account, when and why (operator's reason). */
  @Entity
  @Table(
      name = "roster_unbinding",
      indexes = @Index(name = "roster_unbinding_entry", columnList = "roster_entry_id, at"))
  static class UnbindingRow {
    @Id public UUID id;

    @Column(name = "roster_entry_id", nullable = false)
    public UUID rosterEntryId;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(columnDefinition = "text")
    public String reason;

    @Column(name = "operator_id", nullable = false)
    public String operatorId;

    @Column(nullable = false)
    public Instant at;
  }

  /**
   * What is left of one eligibility budget (an account, a subject, a client address) in its current
   * window; a row is locked while an attempt takes from it, so parallel attempts queue.
   */
  @Entity
  @Table(name = "eligibility_budget")
  static class BudgetRow {
    @Id
    @Column(name = "budget_key")
    public String budgetKey;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(nullable = false)
    public int used;
  }

  @Entity
  @Table(
      name = "eligibility_attempt",
      indexes = {
        @Index(name = "attempt_student", columnList = "student_id, at"),
        @Index(name = "attempt_subject", columnList = "subject_key, at")
      })
  static class AttemptRow {
    @Id public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Column(nullable = false)
    public String mode;

    @Column(nullable = false)
    public Instant at;
  }

  @Entity
  @Table(name = "pending_match")
  static class PendingMatchRow {
    @Id public UUID id;

    @Column(name = "student_id", nullable = false)
    public UUID studentId;

    @Column(name = "roster_entry_id", nullable = false)
    public UUID rosterEntryId;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** EligibilityMode name; null on matches saved before modes A and B were confirmed too. */
    @Column(name = "mode")
    public String mode;
  }

  @Entity
  @Table(name = "signing_key")
  static class SigningKeyRow {
    @Id public String kid;

    @Column(name = "public_key", nullable = false, columnDefinition = "text")
    public String publicKey;

    @Column(name = "private_key_sealed", nullable = false, columnDefinition = "text")
    public String privateKeySealed;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "retired_at")
    public Instant retiredAt;
  }
}
