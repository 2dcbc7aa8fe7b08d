package org.gradphoto.capture.application.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gradphoto.capture.application.port.in.ApplyCollectionEventsUseCase;
import org.gradphoto.capture.application.port.out.AttemptRepository;
import org.gradphoto.capture.application.port.out.CollectionRepository;
import org.gradphoto.capture.application.port.out.PhotoStandardizer;
import org.gradphoto.capture.config.CaptureConfig;
import org.gradphoto.capture.domain.Attempt;
import org.gradphoto.capture.domain.CaptureCollection;
import org.gradphoto.capture.domain.PhotoSpec;
import org.gradphoto.capture.domain.ReviewReason;
import org.gradphoto.kernel.event.BindingRevoked;
import org.gradphoto.kernel.event.CollectionCompleted;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.PaymentConfirmed;
import org.gradphoto.kernel.event.PaymentRefunded;
import org.gradphoto.kernel.event.PhotosDelivered;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.event.ReviewRejected;
import org.gradphoto.kernel.event.SubmissionWithdrawn;

/** Applies other services' events to capture's collections (inside the consumer's transaction). */
@ApplicationScoped
class CollectionEventsService implements ApplyCollectionEventsUseCase {
  /** Colour names a batch may use instead of {@code #RRGGBB}. */
  private static final Map<String, String> NAMED_COLOURS =
      Map.of(
          "BLUE", "#64C5FF",
          "LIGHT_BLUE", "#64C5FF",
          "LIGHT-BLUE", "#64C5FF",
          "WHITE", "#FFFFFF",
          "GREY", "#F0F0F0",
          "GRAY", "#F0F0F0",
          "LIGHT_GREY", "#F0F0F0",
          "LIGHT-GREY", "#F0F0F0");

  private final CollectionRepository collections;
  private final AttemptRepository attempts;
  private final PhotoStandardizer standardizer;
  private final Renderer renderer;
  private final CaptureConfig config;

  CollectionEventsService(
      CollectionRepository collections,
      AttemptRepository attempts,
      PhotoStandardizer standardizer,
      Renderer renderer,
      CaptureConfig config) {
    this.collections = collections;
    this.attempts = attempts;
    this.renderer = renderer;
    this.standardizer = standardizer;
    this.config = config;
  }

  @Override
  public Uni<Void> eligibilityGranted(EligibilityGranted e) {
    PhotoSpec spec = standardizer.spec(e.specProfile());
    if (!spec.id().equals(e.specProfile())) {
      Log.warnf(
          "collection %s: spec profile %s is not shipped, using %s",
          e.collectionId(), e.specProfile(), spec.id());
    }
    CaptureCollection.Terms terms =
        new CaptureCollection.Terms(
            e.studentId(),
            e.batchId(),
            e.schoolCode(),
            spec.id(),
            e.paymentPolicy(),
            e.allowSubmitWithFindings(),
            colours(e.backgroundColours(), spec),
            e.uploadMinBytes() > 0 ? e.uploadMinBytes() : config.defaultUploadMinBytes(),
            e.uploadMaxBytes() > 0 ? e.uploadMaxBytes() : config.defaultUploadMaxBytes(),
            e.windowClosesAt(),
            e.shootingOpensAt());
    return upsert(e.collectionId(), c -> c.grant(terms));
  }

  /** The batch's colours that the profile allows, as {@code #RRGGBB}; the profile's if none. */
  static List<String> colours(List<String> batch, PhotoSpec spec) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : batch == null ? List.<String>of() : batch) {
      if (raw == null) {
        continue;
      }
      String v = raw.trim().toUpperCase(Locale.ROOT);
      String hex = NAMED_COLOURS.getOrDefault(v, v);
      if (spec.backgrounds().contains(hex)) {
        out.add(hex);
      }
    }
    return out.isEmpty() ? spec.backgrounds() : new ArrayList<>(out);
  }

  @Override
  public Uni<Void> bindingRevoked(BindingRevoked e) {
    return update(e.collectionId(), CaptureCollection::revoked)
        .chain(() -> attempts.ofCollection(e.collectionId()))
        .chain(this::discard);
  }

  @Override
  public Uni<Void> paymentConfirmed(PaymentConfirmed e) {
    // Payment may overtake eligibility (two topics): keep it on a stub until the terms arrive.
    return upsert(e.collectionId(), CaptureCollection::paymentConfirmed);
  }

  @Override
  public Uni<Void> paymentRefunded(PaymentRefunded e) {
    return update(e.collectionId(), CaptureCollection::paymentRefunded);
  }

  @Override
  public Uni<Void> reviewRejected(ReviewRejected e) {
    List<ReviewReason> reasons =
        e.reasons() == null
            ? List.of()
            : e.reasons().stream().map(r -> new ReviewReason(r.code(), r.message())).toList();
    return ifAttemptKept(
        e.attemptId(),
        () ->
            update(e.collectionId(), c -> c.reviewRejected(e.attemptId(), reasons))
                .chain(() -> updateAttempt(e.attemptId(), Attempt::rejected)));
  }

  @Override
  public Uni<Void> reviewPassed(ReviewPassed e) {
    return ifAttemptKept(
        e.attemptId(),
        () ->
            update(e.collectionId(), c -> c.reviewPassed(e.attemptId()))
                .chain(() -> updateAttempt(e.attemptId(), Attempt::passed)));
  }

  /**
   * A decision on an attempt that is gone (a revoked binding dropped it) must not lock the
   * collection the rightful student now continues.
   */
  private Uni<Void> ifAttemptKept(UUID attemptId, Supplier<Uni<Void>> apply) {
    if (attemptId == null) {
      return apply.get();
    }
    return attempts
        .find(attemptId)
        .chain(
            a -> {
              if (a.isEmpty()) {
                Log.warnf("decision on attempt %s ignored: the attempt was dropped", attemptId);
                return Uni.createFrom().voidItem();
              }
              return apply.get();
            });
  }

  @Override
  public Uni<Void> submissionWithdrawn(SubmissionWithdrawn e) {
    boolean[] reopened = {false};
    return update(e.collectionId(), c -> reopened[0] = c.submissionWithdrawn(e.attemptId()))
        .chain(
            () ->
                reopened[0]
                    ? updateAttempt(e.attemptId(), Attempt::withdrawn)
                    : Uni.createFrom().voidItem());
  }

  /**
   * Completion pins the photo; the other attempts were kept only until now, so they and their
   * objects are removed (a student's unused portraits are not kept longer than needed). Deleting
   * objects is idempotent, so a redelivered or retried event does no harm.
   */
  @Override
  public Uni<Void> collectionCompleted(CollectionCompleted e) {
    return ifAttemptKept(
        e.attemptId(),
        () ->
            update(e.collectionId(), c -> c.completed(e.attemptId()))
                .chain(() -> updateAttempt(e.attemptId(), Attempt::passed))
                .chain(() -> attempts.ofCollection(e.collectionId()))
                .chain(
                    list ->
                        discard(
                            list.stream().filter(a -> !a.id().equals(e.attemptId())).toList())));
  }

  /** Deletes the attempts and their objects (idempotent, so a redelivered event does no harm). */
  private Uni<Void> discard(List<Attempt> gone) {
    List<String> keys = new ArrayList<>();
    Uni<Void> rows = Uni.createFrom().voidItem();
    for (Attempt a : gone) {
      // An attempt without a photo has no renderings.
      Stream.of(a.original().key(), a.rendering().standardizedKey(), a.rendering().cutoutKey())
          .filter(Objects::nonNull)
          .forEach(keys::add);
      rows = rows.chain(() -> attempts.delete(a.id()));
    }
    // After any write of them still running in this instance (an upload answered a moment ago).
    return rows.chain(() -> renderer.delete(keys));
  }

  @Override
  public Uni<Void> photosDelivered(PhotosDelivered e) {
    Uni<Void> all = Uni.createFrom().voidItem();
    for (UUID id : e.collectionIds() == null ? List.<UUID>of() : e.collectionIds()) {
      all = all.chain(() -> update(id, CaptureCollection::delivered));
    }
    return all;
  }

  private Uni<Void> upsert(UUID id, Consumer<CaptureCollection> change) {
    return collections
        .find(id)
        .chain(
            found -> {
              CaptureCollection c = found.orElseGet(() -> new CaptureCollection(id));
              change.accept(c);
              return collections.save(c);
            });
  }

  private Uni<Void> update(UUID id, Consumer<CaptureCollection> change) {
    return collections
        .find(id)
        .chain(
            found -> {
              if (found.isEmpty()) {
                Log.warnf("event for unknown collection %s ignored", id);
                return Uni.createFrom().voidItem();
              }
              change.accept(found.get());
              return collections.save(found.get());
            });
  }

  private Uni<Void> updateAttempt(UUID attemptId, Consumer<Attempt> change) {
    if (attemptId == null) {
      return Uni.createFrom().voidItem();
    }
    return attempts
        .find(attemptId)
        .chain(
            (Optional<Attempt> a) -> {
              if (a.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              change.accept(a.get());
              return attempts.save(a.get());
            });
  }
}
