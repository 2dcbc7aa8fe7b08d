package org.gradphoto.capture.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.capture.domain.ReviewReason;

/**
 * Where a collection's capture stands and what the student should do next.
 *
 * @param phase machine-readable (READY_TO_SHOOT, AWAITING_PAYMENT, RETAKE_REQUESTED, …)
 * @param nextStep the same in one Chinese sentence, with the reviewer's reasons after a rejection
 * @param canUpload whether uploads, adjustments and submissions are open now
 */
public record CaptureStatusView(
    UUID collectionId,
    String phase,
    String nextStep,
    boolean canUpload,
    List<ReviewReason> reviewReasons,
    UUID submittedAttemptId,
    int attemptCount,
    String specProfile,
    List<String> backgroundColours,
    long uploadMinBytes,
    long uploadMaxBytes,
    Instant windowClosesAt,
    String paymentPolicy,
    boolean paid) {}
