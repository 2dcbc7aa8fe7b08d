package org.gradphoto.delivery.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.delivery.domain.CollectionStatus;
import org.gradphoto.delivery.domain.SheetSize;

/** A student's own collections and short-lived links to their photos (下载图片). */
public interface StudentDownloadsUseCase {
  Uni<List<CollectionView>> collectionsOf(UUID studentId);

  /** The standard photo (标准照); only the owner gets a link. */
  Uni<DownloadLink> standardPhoto(UUID studentId, UUID collectionId);

  /** The layout sheet (排版照) on the chosen sheet; only the owner gets a link. */
  Uni<DownloadLink> layoutSheet(UUID studentId, UUID collectionId, SheetSize sheet);

  record CollectionView(
      UUID collectionId,
      UUID batchId,
      String batchName,
      String schoolCode,
      String schoolName,
      String specProfile,
      CollectionStatus status,
      Instant completedAt,
      Instant deliveredAt,
      List<String> layoutSheets) {}

  /** A presigned URL, the file name it downloads as, and when it stops working. */
  record DownloadLink(String url, String fileName, Instant expiresAt) {}
}
