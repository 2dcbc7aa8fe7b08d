package org.gradphoto.kernel.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A student proved they are on a batch's roster; a collection now exists for them. Carries what the
 * downstream services need about the batch (price, policy, spec) as it was at this moment, so the
 * price shown is the price charged. The ID number travels sealed (AES-GCM), never in clear. {@code
 * shootingOpensAt} and {@code windowClosesAt} bound the shooting window; a student may hold the
 * collection (and pay) before shooting opens. Events written before it existed carry null.
 */
public record EligibilityGranted(
    UUID collectionId,
    UUID studentId,
    UUID batchId,
    String batchName,
    String schoolCode,
    String schoolName,
    UUID rosterEntryId,
    String studentNumber,
    String studentName,
    String idType,
    String idNumberMasked,
    String idNumberSealed,
    String degreeLevel,
    long priceFen,
    String paymentPolicy,
    String specProfile,
    String reviewPromise,
    boolean allowSubmitWithFindings,
    List<String> backgroundColours,
    long uploadMinBytes,
    long uploadMaxBytes,
    Instant windowClosesAt,
    Instant shootingOpensAt)
    implements EventPayload {
  public static final String PAY_BEFORE_CAPTURE = "PAY_BEFORE_CAPTURE";
  public static final String PAY_AFTER_REVIEW = "PAY_AFTER_REVIEW";

  /** Without a shooting start: shooting opens with the grant (as every event before the field). */
  public EligibilityGranted(
      UUID collectionId,
      UUID studentId,
      UUID batchId,
      String batchName,
      String schoolCode,
      String schoolName,
      UUID rosterEntryId,
      String studentNumber,
      String studentName,
      String idType,
      String idNumberMasked,
      String idNumberSealed,
      String degreeLevel,
      long priceFen,
      String paymentPolicy,
      String specProfile,
      String reviewPromise,
      boolean allowSubmitWithFindings,
      List<String> backgroundColours,
      long uploadMinBytes,
      long uploadMaxBytes,
      Instant windowClosesAt) {
    this(
        collectionId,
        studentId,
        batchId,
        batchName,
        schoolCode,
        schoolName,
        rosterEntryId,
        studentNumber,
        studentName,
        idType,
        idNumberMasked,
        idNumberSealed,
        degreeLevel,
        priceFen,
        paymentPolicy,
        specProfile,
        reviewPromise,
        allowSubmitWithFindings,
        backgroundColours,
        uploadMinBytes,
        uploadMaxBytes,
        windowClosesAt,
        null);
  }
}
