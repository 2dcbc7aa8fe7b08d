package org.gradphoto.capture.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.capture.application.port.in.AdjustAttemptUseCase;
import org.gradphoto.capture.application.port.in.AttemptQuery;
import org.gradphoto.capture.application.port.in.AttemptView;
import org.gradphoto.capture.application.port.in.CaptureStatusQuery;
import org.gradphoto.capture.application.port.in.CaptureStatusView;
import org.gradphoto.capture.application.port.in.SubmitAttemptUseCase;
import org.gradphoto.capture.application.port.in.TryLaterException;
import org.gradphoto.capture.application.port.in.UploadPhotoUseCase;
import org.gradphoto.capture.application.port.out.AttemptRepository;
import org.gradphoto.capture.application.port.out.CollectionRepository;
import org.gradphoto.capture.application.port.out.EventPublisher;
import org.gradphoto.capture.application.port.out.PhotoStandardizer;
import org.gradphoto.capture.application.port.out.PhotoStorage;
import org.gradphoto.capture.application.port.out.UnitOfWork;
import org.gradphoto.capture.config.CaptureConfig;
import org.gradphoto.capture.domain.Attempt;
import org.gradphoto.capture.domain.AttemptStatus;
import org.gradphoto.capture.domain.CaptureCollection;
import org.gradphoto.capture.domain.CropHint;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.event.PhotoSubmitted;

/** The student's side of capture: status, upload, preview, adjust, submit. */
@ApplicationScoped
class CaptureService
    implements CaptureStatusQuery,
        UploadPhotoUseCase,
        AttemptQuery,
        AdjustAttemptUseCase,
        SubmitAttemptUseCase {

  private final CollectionRepository collections;
  private final AttemptRepository attempts;
  private final UnitOfWork uow;
  private final EventPublisher events;
  private final PhotoStorage storage;
  private final PhotoStandardizer standardizer;
  private final Views views;

  CaptureService(
      CollectionRepository collections,
      AttemptRepository attempts,
      UnitOfWork uow,
      EventPublisher events,
      PhotoStorage storage,
      PhotoStandardizer standardizer,
      CaptureConfig config) {
    this.collections = collections;
    this.attempts = attempts;
    this.uow = uow;
    this.events = events;
    this.storage = storage;
    this.standardizer = standardizer;
    this.views = new Views(storage, standardizer, config.presignTtl());
  }

  // ---- status

  @Override
  public Uni<List<CaptureStatusView>> mine(UUID studentId) {
    Instant now = Instant.now();
    return uow.transaction(
        () ->
            collections
                .ofStudent(studentId)
                .chain(
                    list -> {
                      if (list.isEmpty()) {
                        return Uni.createFrom().item(List.<CaptureStatusView>of());
                      }
                      List<Uni<CaptureStatusView>> each = new ArrayList<>();
                      for (CaptureCollection c : list) {
                        each.add(attempts.count(c.id()).map(n -> Views.status(c, n, now)));
                      }
                      // One session: the counts run one after another, not concurrently.
                      return Uni.join().all(each).usingConcurrencyOf(1).andFailFast();
                    }));
  }

  @Override
  public Uni<CaptureStatusView> status(UUID studentId, UUID collectionId) {
    Instant now = Instant.now();
    return uow.transaction(
        () ->
            owned(studentId, collectionId)
                .chain(c -> attempts.count(c.id()).map(n -> Views.status(c, n, now))));
  }

  // ---- upload

  @Override
  public Uni<AttemptView> upload(UploadPhotoCommand cmd) {
    Instant now = Instant.now();
    return uow.transaction(
            () ->
                owned(cmd.studentId(), cmd.collectionId())
                    .chain(
                        c ->
                            cmd.clientKey() == null
                                ? Uni.createFrom().item(new Found(c, Optional.empty()))
                                : attempts
                                    .byClientKey(c.id(), cmd.clientKey())
                                    .map(a -> new Found(c, a))))
        .chain(
            found -> {
              if (found.attempt().isPresent()) {
                return views.attempt(found.collection(), found.attempt().get(), now);
              }
              return createAttempt(found.collection(), cmd, now)
                  .onFailure(e -> cmd.clientKey() != null && !(e instanceof ProblemException))
                  .recoverWithUni(e -> sameUploadOrFail(found.collection(), cmd.clientKey(), e))
                  .chain(a -> views.attempt(found.collection(), a, now));
            });
  }

  private record Found(CaptureCollection collection, Optional<Attempt> attempt) {}

  private Uni<Attempt> createAttempt(CaptureCollection c, UploadPhotoCommand cmd, Instant now) {
    c.ensureCapturing(now);
    byte[] photo = cmd.photo();
    if (photo.length == 0) {
      throw ProblemException.badRequest("PHOTO_EMPTY", "上传的照片文件是空的，请重新选择照片。");
    }
    c.ensureSizeAllowed(photo.length);
    String colour = c.colourOrDefault(cmd.background());
    PhotoStandardizer.Inspected image = inspect(photo);
    UUID attemptId = UUID.randomUUID();
    String originalKey = PhotoKeys.original(c.id(), attemptId, image.extension());
    List<String> written = new ArrayList<>();
    Uni<Attempt.Rendering> rendered =
        render(c, attemptId, photo, cmd.cropHint(), colour, now, written);
    Uni<Void> original = put(written, originalKey, photo, image.mediaType());
    // The original's write overlaps the engine. When the engine would refuse the upload anyway
    // (queue full, models loading), nothing is written: the refusal comes first.
    Uni<Attempt.Rendering> stored =
        standardizer.hasRoom()
            ? both(rendered, original).map(Both::first)
            : rendered.call(r -> original);
    return stored
        .chain(
            rendering ->
                uow.transaction(
                    () ->
                        owned(cmd.studentId(), c.id())
                            .chain(
                                fresh -> {
                                  // Capture may have closed while the photo was processed.
                                  fresh.ensureCapturing(Instant.now());
                                  return attempts.count(c.id());
                                })
                            .chain(
                                n -> {
                                  Attempt a =
                                      new Attempt(
                                          attemptId,
                                          c.id(),
                                          n + 1,
                                          now,
                                          cmd.clientKey(),
                                          new Attempt.Original(
                                              originalKey, image.mediaType(), photo.length),
                                          AttemptStatus.READY,
                                          rendering);
                                  return attempts.add(a).replaceWith(a);
                                })))
        // Whatever went wrong, leave nothing behind in the bucket.
        .onFailure()
        .call(e -> storage.delete(written));
  }

  private Uni<Attempt> sameUploadOrFail(CaptureCollection c, String clientKey, Throwable e) {
    // Two tries of one upload raced; the other one's attempt is the answer.
    return uow.transaction(() -> attempts.byClientKey(c.id(), clientKey))
        .chain(a -> a.isPresent() ? Uni.createFrom().item(a.get()) : Uni.createFrom().failure(e));
  }

  /** Standardizes and stores the spec photo and cut-out; records the keys it wrote. */
  private Uni<Attempt.Rendering> render(
      CaptureCollection c,
      UUID attemptId,
      byte[] original,
      Optional<CropHint> hint,
      String colour,
      Instant now,
      List<String> written) {
    String[] keys = PhotoKeys.rendering(c.id(), attemptId);
    return standardizer
        .standardize(original, c.specProfile(), hint, colour)
        .onFailure(PhotoStandardizer.Rejected.class)
        .transform(e -> rejected((PhotoStandardizer.Rejected) e))
        .onFailure(PhotoStandardizer.Busy.class)
        .transform(e -> busy((PhotoStandardizer.Busy) e))
        // The cut-out is written beside the preview, not after it; no photo, nothing to write.
        .call(
            s ->
                s.hasPhoto()
                    ? both(
                        put(written, keys[0], s.jpeg(), "image/jpeg"),
                        put(written, keys[1], s.cutoutPng(), "image/png"))
                    : Uni.createFrom().voidItem())
        .map(
            s ->
                new Attempt.Rendering(
                    s.hasPhoto() ? keys[0] : null,
                    s.hasPhoto() ? keys[1] : null,
                    hint.orElse(null),
                    colour,
                    s.findings(),
                    s.geometry(),
                    now));
  }

  /** The items of two pieces of work run at the same time. */
  private record Both<A, B>(A first, B second) {}

  /**
   * Runs both at once and waits for both, even when one fails, so that every object either wrote is
   * in {@code written} before a failure deletes them; fails with the first one's failure first.
   */
  private static <A, B> Uni<Both<A, B>> both(Uni<A> a, Uni<B> b) {
    return Uni.combine()
        .all()
        .unis(settled(a), settled(b))
        .asTuple()
        .chain(
            t -> {
              Throwable failed =
                  t.getItem1().failure() != null ? t.getItem1().failure() : t.getItem2().failure();
              return failed != null
                  ? Uni.createFrom().failure(failed)
                  : Uni.createFrom().item(new Both<>(t.getItem1().item(), t.getItem2().item()));
            });
  }

  private record Settled<T>(T item, Throwable failure) {}

  private static <T> Uni<Settled<T>> settled(Uni<T> work) {
    return work.map(i -> new Settled<T>(i, null))
        .onFailure()
        .recoverWithItem(e -> new Settled<T>(null, e));
  }

  private Uni<Void> put(List<String> written, String key, byte[] bytes, String mediaType) {
    synchronized (written) {
      written.add(key);
    }
    return storage.put(key, bytes, mediaType);
  }

  private PhotoStandardizer.Inspected inspect(byte[] photo) {
    try {
      return standardizer.inspect(photo);
    } catch (PhotoStandardizer.Rejected e) {
      throw rejected(e);
    }
  }

  private static ProblemException rejected(PhotoStandardizer.Rejected e) {
    return ProblemException.unprocessable("PHOTO_" + e.code(), e.getMessage());
  }

  private static TryLaterException busy(PhotoStandardizer.Busy e) {
    return e.starting()
        ? new TryLaterException(
            "STANDARDIZER_STARTING", "照片处理服务正在启动，请稍等几秒后重新上传。", e.retryAfterSeconds())
        : new TryLaterException(
            "STANDARDIZER_BUSY",
            "当前上传的人太多，照片处理排队已满，请 " + e.retryAfterSeconds() + " 秒后重新上传（照片没有保存）。",
            e.retryAfterSeconds());
  }

  // ---- attempts and preview

  @Override
  public Uni<List<AttemptView>> attempts(UUID studentId, UUID collectionId) {
    Instant now = Instant.now();
    return uow.transaction(
            () ->
                owned(studentId, collectionId)
                    .chain(c -> attempts.ofCollection(c.id()).map(list -> new Listed(c, list))))
        .chain(l -> views.attempts(l.collection(), l.attempts(), now));
  }

  private record Listed(CaptureCollection collection, List<Attempt> attempts) {}

  @Override
  public Uni<AttemptView> attempt(UUID studentId, UUID collectionId, UUID attemptId) {
    Instant now = Instant.now();
    return uow.transaction(() -> ownedAttempt(studentId, collectionId, attemptId))
        .chain(l -> views.attempt(l.collection(), l.attempts().get(0), now));
  }

  private Uni<Listed> ownedAttempt(UUID studentId, UUID collectionId, UUID attemptId) {
    return owned(studentId, collectionId)
        .chain(
            c ->
                attempts
                    .find(attemptId)
                    .map(
                        a -> {
                          if (a.isEmpty() || !a.get().collectionId().equals(c.id())) {
                            throw ProblemException.notFound(
                                "ATTEMPT_NOT_FOUND", "没有找到这张照片，请刷新后重试。");
                          }
                          return new Listed(c, List.of(a.get()));
                        }));
  }

  // ---- adjust

  /** Originals expire after the bucket's lifecycle period; their renderings stay. */
  private static ProblemException originalExpired() {
    return new ProblemException(
        410, "ORIGINAL_EXPIRED", "Original expired", "这张照片的原图已超过保存期限，无法再调整取景或背景。请重新上传一张照片。");
  }

  @Override
  public Uni<AttemptView> adjust(AdjustAttemptCommand cmd) {
    if (cmd.cropHint().isEmpty() && cmd.background().isEmpty()) {
      throw ProblemException.badRequest("NOTHING_TO_ADJUST", "请给出新的取景框（cropHint）或背景色（background）。");
    }
    Instant now = Instant.now();
    List<String> written = new ArrayList<>();
    return uow.transaction(() -> ownedAttempt(cmd.studentId(), cmd.collectionId(), cmd.attemptId()))
        .chain(
            l -> {
              CaptureCollection c = l.collection();
              Attempt a = l.attempts().get(0);
              c.ensureCapturing(now);
              ensureEditable(a);
              Optional<CropHint> hint = cmd.cropHint().or(a::cropHint);
              String colour =
                  cmd.background().map(c::colourOrDefault).orElse(a.rendering().backgroundColour());
              return storage
                  .get(a.original().key())
                  .onFailure(PhotoStorage.ObjectMissing.class)
                  .transform(e -> originalExpired())
                  .chain(bytes -> render(c, a.id(), bytes, hint, colour, now, written))
                  .chain(
                      rendering ->
                          uow.transaction(
                              () ->
                                  ownedAttempt(cmd.studentId(), c.id(), a.id())
                                      .chain(
                                          fresh -> {
                                            fresh.collection().ensureCapturing(Instant.now());
                                            Attempt current = fresh.attempts().get(0);
                                            ensureEditable(current);
                                            List<String> replaced = current.rerender(rendering);
                                            return attempts
                                                .save(current)
                                                .replaceWith(new Rerendered(fresh, replaced));
                                          })))
                  .onFailure()
                  .call(e -> storage.delete(written));
            })
        .call(r -> storage.delete(r.replaced()))
        .chain(
            r ->
                views.attempt(
                    r.listed().collection(), r.listed().attempts().get(0), Instant.now()));
  }

  private record Rerendered(Listed listed, List<String> replaced) {}

  private static void ensureEditable(Attempt a) {
    if (a.status() == AttemptStatus.SUBMITTED || a.status() == AttemptStatus.PASSED) {
      throw ProblemException.conflict("ATTEMPT_LOCKED", "这张照片已提交审核，不能再调整。");
    }
  }

  // ---- submit

  @Override
  public Uni<CaptureStatusView> submit(UUID studentId, UUID collectionId, UUID attemptId) {
    Instant now = Instant.now();
    return uow.transaction(
        () ->
            ownedAttempt(studentId, collectionId, attemptId)
                .chain(
                    l -> {
                      CaptureCollection c = l.collection();
                      Attempt a = l.attempts().get(0);
                      if (a.status() == AttemptStatus.SUBMITTED
                          && a.id().equals(c.submittedAttemptId())) {
                        return attempts.count(c.id()).map(n -> Views.status(c, n, now));
                      }
                      c.submit(a, now);
                      a.submitted();
                      return collections
                          .save(c)
                          .chain(() -> attempts.save(a))
                          .chain(() -> events.publish(submitted(c, a, now), c.id().toString()))
                          .chain(() -> attempts.count(c.id()))
                          .map(n -> Views.status(c, n, now));
                    }));
  }

  private static PhotoSubmitted submitted(CaptureCollection c, Attempt a, Instant now) {
    Attempt.Rendering r = a.rendering();
    return new PhotoSubmitted(
        c.id(),
        a.id(),
        c.studentId(),
        c.batchId(),
        c.schoolCode(),
        c.specProfile(),
        r.standardizedKey(),
        a.original().key(),
        r.cutoutKey(),
        r.backgroundColour(),
        r.findings().stream()
            .map(
                f ->
                    new PhotoSubmitted.Finding(
                        f.code(), f.severity(), f.message(), f.measured(), f.threshold()))
            .toList(),
        r.geometry(),
        now);
  }

  // ---- ownership

  /** The student's own collection; someone else's reads as not found. */
  private Uni<CaptureCollection> owned(UUID studentId, UUID collectionId) {
    return collections
        .find(collectionId)
        .map(
            c -> {
              if (c.isEmpty() || !c.get().ownedBy(studentId)) {
                throw ProblemException.notFound(
                    "COLLECTION_NOT_FOUND", "没有找到这个采集项目，或它不属于当前登录的账号。请返回采集列表重新选择。");
              }
              return c.get();
            });
  }
}
