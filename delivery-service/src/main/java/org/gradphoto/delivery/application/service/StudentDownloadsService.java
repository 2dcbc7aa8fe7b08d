package org.gradphoto.delivery.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gradphoto.delivery.application.port.in.StudentDownloadsUseCase;
import org.gradphoto.delivery.application.port.out.CollectionRepository;
import org.gradphoto.delivery.application.port.out.DownloadLinks;
import org.gradphoto.delivery.application.port.out.UnitOfWork;
import org.gradphoto.delivery.domain.DeliveryRefusal;
import org.gradphoto.delivery.domain.DeliveryRefusal.Reason;
import org.gradphoto.delivery.domain.SheetSize;
import org.gradphoto.delivery.domain.StudentCollection;

/** Students see only their own collections and get short-lived links to their own photos. */
@ApplicationScoped
class StudentDownloadsService implements StudentDownloadsUseCase {
  private final CollectionRepository collections;
  private final DownloadLinks links;
  private final UnitOfWork uow;
  private final LayoutSheets sheets;
  private final Duration ttl;

  StudentDownloadsService(
      CollectionRepository collections,
      DownloadLinks links,
      UnitOfWork uow,
      LayoutSheets sheets,
      @ConfigProperty(name = "gradphoto.delivery.student-link-ttl", defaultValue = "PT5M")
          Duration ttl) {
    this.collections = collections;
    this.links = links;
    this.uow = uow;
    this.sheets = sheets;
    this.ttl = ttl;
  }

  @Override
  public Uni<List<CollectionView>> collectionsOf(UUID studentId) {
    return uow.transaction(() -> collections.ofStudent(studentId))
        .map(
            list ->
                list.stream()
                    .sorted(Comparator.comparing(StudentCollection::collectionId))
                    .map(StudentDownloadsService::view)
                    .toList());
  }

  @Override
  public Uni<DownloadLink> standardPhoto(UUID studentId, UUID collectionId) {
    return ownCompleted(studentId, collectionId)
        .chain(
            c ->
                links.link(
                    c.photo().standardKey(),
                    "标准照-" + c.photo().widthPx() + "x" + c.photo().heightPx() + ".jpg",
                    "standard-photo-" + c.photo().widthPx() + "x" + c.photo().heightPx() + ".jpg",
                    "image/jpeg",
                    ttl));
  }

  @Override
  public Uni<DownloadLink> layoutSheet(UUID studentId, UUID collectionId, SheetSize sheet) {
    return ownCompleted(studentId, collectionId)
        .chain(
            c -> {
              String key = c.photo().layoutKeys().get(sheet);
              if (key == null) {
                return Uni.createFrom()
                    .failure(
                        new DeliveryRefusal(
                            Reason.LAYOUT_SHEET_UNAVAILABLE, Map.of("sheet", sheet)));
              }
              return sheets
                  .ensure(c.photo(), sheet)
                  .chain(
                      () ->
                          links.link(
                              key,
                              "排版照-" + sheet.label() + ".jpg",
                              "layout-sheet-" + sheet.id() + ".jpg",
                              "image/jpeg",
                              ttl));
            });
  }

  /** Another student's collection answers exactly like one that does not exist. */
  private Uni<StudentCollection> ownCompleted(UUID studentId, UUID collectionId) {
    return uow.transaction(() -> collections.find(collectionId))
        .map(
            found -> {
              StudentCollection c =
                  found
                      .filter(x -> x.belongsTo(studentId))
                      .orElseThrow(() -> new DeliveryRefusal(Reason.COLLECTION_NOT_FOUND));
              if (!c.status().hasStandardPhoto() || c.photo() == null) {
                throw new DeliveryRefusal(Reason.PHOTO_NOT_READY, Map.of("status", c.status()));
              }
              return c;
            });
  }

  private static CollectionView view(StudentCollection c) {
    return new CollectionView(
        c.collectionId(),
        c.batchId(),
        c.roster().batchName(),
        c.schoolCode(),
        c.roster().schoolName(),
        c.roster().specProfile(),
        c.status(),
        c.completedAt(),
        c.deliveredAt(),
        c.photo() == null
            ? List.of()
            : c.photo().layoutKeys().keySet().stream().sorted().map(SheetSize::id).toList());
  }
}
