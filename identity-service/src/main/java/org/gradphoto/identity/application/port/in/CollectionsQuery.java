package org.gradphoto.identity.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.identity.domain.CollectionStatus;

/** 采集列表 / 采集详情: what a student sees of their collections. */
public interface CollectionsQuery {
  Uni<List<CollectionView>> mine(UUID studentId);

  Uni<CollectionView> mine(UUID studentId, UUID collectionId);

  /**
   * One collection as its student sees it. {@code opensAt}/{@code closesAt}/{@code window} are the
   * shooting window (开通时间); {@code signUp…} when eligibility and payment are open. The texts are
   * the batch's own; {@code reviewPromiseText} is never null, {@code supportPhone} may be.
   */
  record CollectionView(
      UUID collectionId,
      UUID batchId,
      String batchName,
      String schoolCode,
      String schoolName,
      String studentNumber,
      String studentName,
      String degreeLevel,
      long priceFen,
      String paymentPolicy,
      Instant opensAt,
      Instant closesAt,
      String window,
      String serviceDescription,
      String shootingRequirements,
      String reviewPromise,
      String specProfile,
      List<String> backgroundColours,
      CollectionStatus status,
      String statusLabel,
      boolean paid,
      List<Reason> rejectionReasons,
      Instant grantedAt,
      Instant updatedAt,
      String notice,
      String reviewPromiseText,
      String supportPhone,
      String supportHours,
      long uploadMinBytes,
      long uploadMaxBytes,
      Instant signUpOpensAt,
      Instant signUpClosesAt,
      String signUpWindow) {}

  record Reason(String code, String message) {}
}
