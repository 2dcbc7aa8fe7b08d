package org.gradphoto.capture.domain;

import java.util.Map;
import org.gradphoto.kernel.error.Refusal;

/**
 * A rule of capture said no: which rule, and the facts that matter. The words the student (or
 * staff) reads, the HTTP status and any {@code Retry-After} are the inbound adapter's business
 * ({@code adapter.in.rest.CaptureRefusals}).
 */
public final class CaptureRefusal extends Refusal {

  /** Every way capture refuses; the adapter must word each one (an exhaustive switch). */
  public enum Reason {
    /** Fact {@code nextStep}: the collection's next step in one sentence. */
    PAYMENT_REQUIRED,
    /** Fact {@code nextStep}. */
    NOT_ELIGIBLE,
    /** Fact {@code nextStep}. */
    CAPTURE_WINDOW_CLOSED,
    /** Fact {@code nextStep}: when shooting opens. */
    CAPTURE_NOT_OPEN_YET,
    UNDER_REVIEW,
    /** Fact {@code nextStep}. */
    PHOTO_LOCKED,
    /** Facts {@code bytes}, {@code minBytes}, {@code maxBytes}. */
    FILE_SIZE_NOT_ALLOWED,
    /** Fact {@code allowed}: the batch's colours, in order. */
    BACKGROUND_NOT_ALLOWED,
    CROP_HINT_OUTSIDE,
    ATTEMPT_HAS_NO_PHOTO,
    ATTEMPT_HAS_REJECT_FINDINGS,
    PHOTO_EMPTY,
    /** Facts {@code code} (the engine's) and {@code message} (the engine's sentence). */
    PHOTO_REJECTED,
    NOTHING_TO_ADJUST,
    ATTEMPT_LOCKED,
    ORIGINAL_EXPIRED,
    /** The original's write after the upload's answer never succeeded (repair sweep). */
    ORIGINAL_NOT_STORED,
    COLLECTION_NOT_FOUND,
    ATTEMPT_NOT_FOUND,
    STAFF_ONLY,
    SCHOOL_NOT_ALLOWED,
    /** Fact {@code retryAfterSeconds}. */
    STANDARDIZER_STARTING,
    /** Fact {@code retryAfterSeconds}. */
    STANDARDIZER_BUSY,
    /** Facts {@code perHour} and {@code retryAfterSeconds}. */
    UPLOAD_LIMIT_REACHED
  }

  public CaptureRefusal(Reason reason) {
    this(reason, Map.of());
  }

  public CaptureRefusal(Reason reason, Map<String, Object> facts) {
    super(reason, facts);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
