package org.gradphoto.identity.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a student reads about a school's batches before getting eligibility: the notice, the ways to
 * get eligibility it offers, when sign-up and shooting open, the price and the support contact.
 */
public interface OpenBatchesQuery {
  /** The school's batches whose sign-up has not closed yet, the one opening first first. */
  Uni<List<OpenBatch>> openOf(String schoolCode);

  /**
   * A batch as shown before eligibility. {@code eligibilityModes} in the order the app offers them
   * (SCHOOL_NAME_ID, CHSI_CODE, ID_AND_PHONE); {@code opensAt}/{@code closesAt}/{@code window} the
   * shooting window; {@code signUpOpen}/{@code shootingOpen} say whether each is open now.
   */
  record OpenBatch(
      UUID batchId,
      String batchName,
      String schoolCode,
      String schoolName,
      String notice,
      List<String> eligibilityModes,
      Instant signUpOpensAt,
      Instant signUpClosesAt,
      String signUpWindow,
      boolean signUpOpen,
      Instant opensAt,
      Instant closesAt,
      String window,
      boolean shootingOpen,
      long priceFen,
      String paymentPolicy,
      String reviewPromiseText,
      String supportPhone,
      String supportHours,
      String shootingRequirements,
      String serviceDescription,
      long uploadMinBytes,
      long uploadMaxBytes,
      List<String> backgroundColours) {}
}
