package org.gradphoto.capture.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gradphoto.capture.domain.CaptureRefusal.Reason;

/**
 * One student's collection as capture sees it: the batch terms from {@code EligibilityGranted},
 * whether it is paid, and where review stands. Decides whether the student may capture now and what
 * they should do next.
 */
public final class CaptureCollection {
  public static final String PAY_BEFORE_CAPTURE = "PAY_BEFORE_CAPTURE";
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final UUID id;
  private UUID studentId;
  private UUID batchId;
  private String schoolCode;
  private String specProfile;
  private String paymentPolicy;
  private boolean allowSubmitWithFindings;
  private List<String> backgroundColours = List.of();
  private long uploadMinBytes;
  private long uploadMaxBytes;
  private Instant windowClosesAt;
  private Instant shootingOpensAt;
  private boolean eligible;
  private boolean paid;
  private CaptureState state = CaptureState.CAPTURING;
  private UUID submittedAttemptId;
  private List<ReviewReason> reviewReasons = List.of();
  private Long version;

  public CaptureCollection(UUID id) {
    this.id = id;
  }

  /** The batch terms as the student accepted them. Repeated delivery overwrites with the same. */
  public record Terms(
      UUID studentId,
      UUID batchId,
      String schoolCode,
      String specProfile,
      String paymentPolicy,
      boolean allowSubmitWithFindings,
      List<String> backgroundColours,
      long uploadMinBytes,
      long uploadMaxBytes,
      Instant windowClosesAt,
      Instant shootingOpensAt) {

    /** Terms whose shooting window opens with the grant (events without shootingOpensAt). */
    public Terms(
        UUID studentId,
        UUID batchId,
        String schoolCode,
        String specProfile,
        String paymentPolicy,
        boolean allowSubmitWithFindings,
        List<String> backgroundColours,
        long uploadMinBytes,
        long uploadMaxBytes,
        Instant windowClosesAt) {
      this(
          studentId,
          batchId,
          schoolCode,
          specProfile,
          paymentPolicy,
          allowSubmitWithFindings,
          backgroundColours,
          uploadMinBytes,
          uploadMaxBytes,
          windowClosesAt,
          null);
    }
  }

  public void grant(Terms t) {
    studentId = t.studentId();
    batchId = t.batchId();
    schoolCode = t.schoolCode();
    specProfile = t.specProfile();
    paymentPolicy = t.paymentPolicy();
    allowSubmitWithFindings = t.allowSubmitWithFindings();
    backgroundColours = List.copyOf(t.backgroundColours());
    uploadMinBytes = t.uploadMinBytes();
    uploadMaxBytes = t.uploadMaxBytes();
    windowClosesAt = t.windowClosesAt();
    shootingOpensAt = t.shootingOpensAt();
    eligible = true;
  }

  public void paymentConfirmed() {
    paid = true;
  }

  public void paymentRefunded() {
    paid = false;
  }

  /** What the student should do now. */
  public Phase phase(Instant now, int attempts) {
    if (!eligible) {
      return Phase.NOT_ELIGIBLE;
    }
    switch (state) {
      case PASSED:
        return Phase.PASSED;
      case COMPLETED:
        return Phase.COMPLETED;
      case DELIVERED:
        return Phase.DELIVERED;
      case UNDER_REVIEW:
        return Phase.UNDER_REVIEW;
      default:
        break;
    }
    if (PAY_BEFORE_CAPTURE.equals(paymentPolicy) && !paid) {
      return Phase.AWAITING_PAYMENT;
    }
    if (windowClosesAt != null && !now.isBefore(windowClosesAt)) {
      return Phase.WINDOW_CLOSED;
    }
    // signed up (and paid) before the batch's shooting window: nothing to shoot yet
    if (shootingOpensAt != null && now.isBefore(shootingOpensAt)) {
      return Phase.NOT_YET_OPEN;
    }
    if (!reviewReasons.isEmpty()) {
      return Phase.RETAKE_REQUESTED;
    }
    return attempts == 0 ? Phase.READY_TO_SHOOT : Phase.READY_TO_SUBMIT;
  }

  /** The next step in one sentence, with the reviewer's reasons after a rejection. */
  public String nextStep(Instant now, int attempts) {
    Phase p = phase(now, attempts);
    if (p == Phase.NOT_YET_OPEN) {
      return opensLater();
    }
    if (p != Phase.RETAKE_REQUESTED) {
      return p.nextStep();
    }
    // the reviewers' sentences end with their own stop: joined by ；, one 。 at the end
    List<String> said = new ArrayList<>();
    reviewReasons.forEach(r -> said.add(r.message().strip().replaceAll("[。；;.\\s]+$", "")));
    return p.nextStep() + "原因：" + String.join("；", said) + "。";
  }

  /** Refuses (a {@link CaptureRefusal}) when capture (upload, adjust, submit) is not open. */
  public void ensureCapturing(Instant now) {
    Phase p = phase(now, 0);
    if (p.capturing()) {
      return;
    }
    Reason reason =
        switch (p) {
          case AWAITING_PAYMENT -> Reason.PAYMENT_REQUIRED;
          case NOT_ELIGIBLE -> Reason.NOT_ELIGIBLE;
          case WINDOW_CLOSED -> Reason.CAPTURE_WINDOW_CLOSED;
          case NOT_YET_OPEN -> Reason.CAPTURE_NOT_OPEN_YET;
          case UNDER_REVIEW -> Reason.UNDER_REVIEW;
          default -> Reason.PHOTO_LOCKED;
        };
    throw new CaptureRefusal(
        reason, Map.of("nextStep", p == Phase.NOT_YET_OPEN ? opensLater() : p.nextStep()));
  }

  private String opensLater() {
    return "拍摄将于 " + SHOWN.format(shootingOpensAt.atZone(SHANGHAI)) + "（北京时间）开始，届时再拍照上传。";
  }

  /** Refuses an upload whose size is outside the batch's window. */
  public void ensureSizeAllowed(long bytes) {
    if (bytes < uploadMinBytes || bytes > uploadMaxBytes) {
      throw new CaptureRefusal(
          Reason.FILE_SIZE_NOT_ALLOWED,
          Map.of("bytes", bytes, "minBytes", uploadMinBytes, "maxBytes", uploadMaxBytes));
    }
  }

  /** The colour the student asked for, or the batch's first; refused when not allowed. */
  public String colourOrDefault(String requested) {
    if (requested == null || requested.isBlank()) {
      return backgroundColours.get(0);
    }
    String wanted = requested.trim().toUpperCase(java.util.Locale.ROOT);
    if (!backgroundColours.contains(wanted)) {
      throw new CaptureRefusal(Reason.BACKGROUND_NOT_ALLOWED, Map.of("allowed", backgroundColours));
    }
    return wanted;
  }

  /** Checks the attempt may be submitted and moves the collection under review. */
  public void submit(Attempt attempt, Instant now) {
    ensureCapturing(now);
    if (!attempt.rendering().hasPhoto()) {
      // Even where photos with findings may go to a reviewer: there is no photo to review.
      throw new CaptureRefusal(Reason.ATTEMPT_HAS_NO_PHOTO);
    }
    if (attempt.originalLost()) {
      // Review and delivery would be handed a key with no object behind it.
      throw new CaptureRefusal(Reason.ORIGINAL_NOT_STORED);
    }
    if (attempt.hasRejectFindings() && !allowSubmitWithFindings) {
      throw new CaptureRefusal(Reason.ATTEMPT_HAS_REJECT_FINDINGS);
    }
    state = CaptureState.UNDER_REVIEW;
    submittedAttemptId = attempt.id();
    reviewReasons = List.of();
  }

  /**
   * The student withdrew the submitted attempt before a reviewer claimed it: capture is open again
   * (the attempts are kept; the same one may be submitted again). Only the attempt under review is
   * withdrawn: a late event about an older one changes nothing.
   */
  public boolean submissionWithdrawn(UUID attemptId) {
    if (state != CaptureState.UNDER_REVIEW
        || (submittedAttemptId != null && !submittedAttemptId.equals(attemptId))) {
      return false;
    }
    state = CaptureState.CAPTURING;
    submittedAttemptId = null;
    reviewReasons = List.of();
    return true;
  }

  /** The reviewer rejected the submitted attempt: capture reopens with the reasons. */
  public void reviewRejected(UUID attemptId, List<ReviewReason> reasons) {
    if (state.locked()) {
      return; // a late rejection never unlocks a passed photo
    }
    state = CaptureState.CAPTURING;
    submittedAttemptId = null;
    reviewReasons =
        reasons.isEmpty()
            ? List.of(new ReviewReason("UNSPECIFIED", "审核未通过，请按拍摄要求重新拍摄。"))
            : List.copyOf(reasons);
  }

  public void reviewPassed(UUID attemptId) {
    if (state == CaptureState.COMPLETED || state == CaptureState.DELIVERED) {
      return;
    }
    state = CaptureState.PASSED;
    submittedAttemptId = attemptId;
    reviewReasons = List.of();
  }

  public void completed(UUID attemptId) {
    if (state == CaptureState.DELIVERED) {
      return;
    }
    state = CaptureState.COMPLETED;
    submittedAttemptId = attemptId;
  }

  public void delivered() {
    state = CaptureState.DELIVERED;
  }

  /**
   * An operator unbound the roster entry from this account: nobody owns the collection until the
   * rightful student is granted it again, and capture starts over for them (what was taken before
   * shows someone else). Whether it is paid stays with the collection.
   */
  public void revoked() {
    studentId = null;
    eligible = false;
    state = CaptureState.CAPTURING;
    submittedAttemptId = null;
    reviewReasons = List.of();
  }

  public boolean ownedBy(UUID student) {
    return studentId != null && studentId.equals(student);
  }

  // State for the persistence mapping.

  /** Restores a collection exactly as stored. */
  public static CaptureCollection restore(
      UUID id,
      Terms terms,
      boolean eligible,
      boolean paid,
      CaptureState state,
      UUID submittedAttemptId,
      List<ReviewReason> reasons,
      Long version) {
    CaptureCollection c = new CaptureCollection(id);
    if (terms != null) {
      c.grant(terms);
    }
    c.eligible = eligible;
    c.paid = paid;
    c.state = state;
    c.submittedAttemptId = submittedAttemptId;
    c.reviewReasons = List.copyOf(reasons);
    c.version = version;
    return c;
  }

  public Terms terms() {
    return new Terms(
        studentId,
        batchId,
        schoolCode,
        specProfile,
        paymentPolicy,
        allowSubmitWithFindings,
        backgroundColours,
        uploadMinBytes,
        uploadMaxBytes,
        windowClosesAt,
        shootingOpensAt);
  }

  public UUID id() {
    return id;
  }

  public UUID studentId() {
    return studentId;
  }

  public UUID batchId() {
    return batchId;
  }

  public String schoolCode() {
    return schoolCode;
  }

  public String specProfile() {
    return specProfile;
  }

  public String paymentPolicy() {
    return paymentPolicy;
  }

  public boolean allowSubmitWithFindings() {
    return allowSubmitWithFindings;
  }

  public List<String> backgroundColours() {
    return backgroundColours;
  }

  public long uploadMinBytes() {
    return uploadMinBytes;
  }

  public long uploadMaxBytes() {
    return uploadMaxBytes;
  }

  public Instant windowClosesAt() {
    return windowClosesAt;
  }

  public boolean eligible() {
    return eligible;
  }

  public boolean paid() {
    return paid;
  }

  public CaptureState state() {
    return state;
  }

  public UUID submittedAttemptId() {
    return submittedAttemptId;
  }

  public List<ReviewReason> reviewReasons() {
    return reviewReasons;
  }

  public Long version() {
    return version;
  }
}
