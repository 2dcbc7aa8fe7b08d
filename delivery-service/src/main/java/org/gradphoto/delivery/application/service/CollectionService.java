package org.gradphoto.delivery.application.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.gradphoto.delivery.application.port.in.CompleteCollectionUseCase;
import org.gradphoto.delivery.application.port.in.RecordEligibilityUseCase;
import org.gradphoto.delivery.application.port.out.Blocking;
import org.gradphoto.delivery.application.port.out.CollectionRepository;
import org.gradphoto.delivery.application.port.out.PhotoImaging;
import org.gradphoto.delivery.application.port.out.PhotoStore;
import org.gradphoto.delivery.domain.PinnedPhoto;
import org.gradphoto.delivery.domain.Roster;
import org.gradphoto.delivery.domain.StudentCollection;

/**
 * Keeps delivery's record of each collection and, on completion, pins the standard photo (a copy in
 * delivery's own bucket that nothing upstream can change) and notes the layout sheets it fits on.
 */
@ApplicationScoped
class CollectionService implements RecordEligibilityUseCase, CompleteCollectionUseCase {
  private final CollectionRepository collections;
  private final PhotoStore store;
  private final PhotoImaging imaging;
  private final Blocking blocking;

  CollectionService(
      CollectionRepository collections, PhotoStore store, PhotoImaging imaging, Blocking blocking) {
    this.collections = collections;
    this.store = store;
    this.imaging = imaging;
    this.blocking = blocking;
  }

  @Override
  public Uni<Void> record(UUID collectionId, Roster roster) {
    return collections
        .find(collectionId)
        .map(
            known ->
                known
                    .map(k -> k.withRoster(roster))
                    .orElseGet(() -> StudentCollection.eligible(collectionId, roster)))
        .chain(collections::save);
  }

  @Override
  public Uni<Void> revoked(UUID collectionId) {
    return collections
        .find(collectionId)
        .chain(
            known ->
                known.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : collections.save(known.get().revoked()));
  }

  @Override
  public Uni<Void> complete(Completion c) {
    return collections
        .find(c.collectionId())
        .chain(
            known -> {
              if (known.isPresent() && known.get().isLocked()) {
                Log.warnf(
                    "collection %s is delivered and locked; completion ignored", c.collectionId());
                return Uni.createFrom().voidItem();
              }
              // Identity's event normally came first; if not, what the completion tells will do
              // until it arrives.
              StudentCollection base =
                  known.orElseGet(
                      () ->
                          StudentCollection.eligible(
                              c.collectionId(),
                              Roster.partial(
                                  c.studentId(), c.batchId(), c.schoolCode(), c.specProfile())));
              return pin(c)
                  .chain(
                      photo ->
                          collections.save(
                              base.completed(c.specProfile(), photo, c.completedAt())));
            });
  }

  /**
   * Copies the photo into delivery's bucket and notes the sheets it fits on. The sheets themselves
   * are drawn when a student first asks for one ({@link LayoutSheets}): drawing all three for every
   * completion kept this consumer ~1 s per event behind a class finishing at once.
   */
  private Uni<PinnedPhoto> pin(Completion c) {
    String prefix = "collections/" + c.collectionId() + "/";
    return store
        .readCaptured(c.standardizedKey())
        .chain(
            bytes ->
                blocking
                    .call(() -> imaging.describe(bytes))
                    .chain(
                        info ->
                            store
                                .store(prefix + "standard.jpg", bytes, "image/jpeg")
                                .replaceWith(
                                    new PinnedPhoto(
                                        prefix + "standard.jpg",
                                        c.standardizedKey(),
                                        sha256(bytes),
                                        bytes.length,
                                        info.widthPx(),
                                        info.heightPx(),
                                        info.dpi(),
                                        LayoutSheets.keys(prefix, info)))));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
