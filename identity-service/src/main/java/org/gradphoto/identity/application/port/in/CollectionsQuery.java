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
      Instant updatedAt) {}

  record Reason(String code, String message) {}
}
