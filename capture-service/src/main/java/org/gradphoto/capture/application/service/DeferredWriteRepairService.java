package org.gradphoto.capture.application.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.gradphoto.capture.application.port.in.RepairDeferredWritesUseCase;
import org.gradphoto.capture.application.port.out.AttemptRepository;
import org.gradphoto.capture.application.port.out.CollectionRepository;
import org.gradphoto.capture.application.port.out.UnitOfWork;
import org.gradphoto.capture.config.CaptureConfig;
import org.gradphoto.capture.domain.Attempt;
import org.gradphoto.kernel.logging.Redacted;

/**
 * Checks what an upload (or an adjustment) wrote after its answer, once those writes must have
 * ended in whichever instance ran them. A lost cut-out can be made again from the original (the
 * engine renders the same frame and colour again); a lost original cannot, so the attempt is marked
 * and refused for submission and adjustment instead of handing on a key with nothing behind it.
 * Instances may run rounds at the same time: each decision is saved only if the attempt still names
 * the objects that were checked.
 */
@ApplicationScoped
class DeferredWriteRepairService implements RepairDeferredWritesUseCase {
  private static final int ROUND = 100;

  private final AttemptRepository attempts;
  private final CollectionRepository collections;
  private final UnitOfWork uow;
  private final Renderer renderer;
  private final Duration settledAfter;

  DeferredWriteRepairService(
      AttemptRepository attempts,
      CollectionRepository collections,
      UnitOfWork uow,
      Renderer renderer,
      CaptureConfig config) {
    this.attempts = attempts;
    this.collections = collections;
    this.uow = uow;
    this.renderer = renderer;
    this.settledAfter = config.deferredWritesSettledAfter();
  }

  private enum Outcome {
    CONFIRMED,
    CUTOUT_RESTORED,
    ORIGINAL_LOST,
    LEFT
  }

  @Override
  public Uni<Repairs> repair(Instant now) {
    return uow.transaction(() -> attempts.unconfirmed(now.minus(settledAfter), ROUND))
        .chain(
            found ->
                Multi.createFrom()
                    .iterable(found)
                    .onItem()
                    .transformToUniAndConcatenate(this::check)
                    .collect()
                    .asList())
        .map(
            outcomes ->
                new Repairs(
                    count(outcomes, Outcome.CONFIRMED),
                    count(outcomes, Outcome.CUTOUT_RESTORED),
                    count(outcomes, Outcome.ORIGINAL_LOST),
                    count(outcomes, Outcome.LEFT)));
  }

  private static int count(List<Outcome> outcomes, Outcome o) {
    return (int) outcomes.stream().filter(o::equals).count();
  }

  private Uni<Outcome> check(Attempt seen) {
    Attempt.Rendering r = seen.rendering();
    return renderer
        .stored(seen.original().key())
        .chain(
            original -> {
              if (!original) {
                return decide(seen, Outcome.ORIGINAL_LOST);
              }
              if (!r.hasPhoto()) {
                return decide(seen, Outcome.CONFIRMED);
              }
              return renderer
                  .stored(r.cutoutKey())
                  .chain(cutout -> cutout ? decide(seen, Outcome.CONFIRMED) : restoreCutout(seen));
            })
        .onFailure()
        .recoverWithItem(
            e -> {
              Log.warnf(
                  "attempt %s: objects not checked, next round: %s",
                  seen.id(), Redacted.describe(e));
              return Outcome.LEFT;
            });
  }

  private Uni<Outcome> restoreCutout(Attempt seen) {
    return uow.transaction(() -> collections.find(seen.collectionId()))
        .chain(
            c ->
                c.isEmpty()
                    ? Uni.createFrom().item(Outcome.LEFT)
                    : renderer
                        .cutoutAgain(c.get(), seen)
                        .chain(() -> decide(seen, Outcome.CUTOUT_RESTORED))
                        .call(
                            o ->
                                o == Outcome.LEFT
                                    // Changed meanwhile (adjusted, expired, discarded): the
                                    // cut-out just written belongs to nothing.
                                    ? renderer.delete(List.of(seen.rendering().cutoutKey()))
                                    : Uni.createFrom().voidItem()));
  }

  /**
   * Saves the decision if the attempt still names the objects that were checked; otherwise (it was
   * adjusted, its rendering expired or it is gone) leaves it to the next round.
   */
  private Uni<Outcome> decide(Attempt seen, Outcome outcome) {
    return uow.transaction(
        () ->
            attempts
                .find(seen.id())
                .chain(
                    found -> {
                      if (found.isEmpty() || !sameObjects(seen, found.get())) {
                        return Uni.createFrom().item(Outcome.LEFT);
                      }
                      Attempt a = found.get();
                      if (outcome == Outcome.ORIGINAL_LOST) {
                        a.originalNeverStored();
                        Log.errorf(
                            "attempt %s (%s): its original %s was never stored; %s",
                            a.id(),
                            a.status(),
                            a.original().key(),
                            a.inUse()
                                ? "it is already with review or delivery, which have no original"
                                : "the student is asked to upload again");
                      } else {
                        a.objectsSeenStored();
                      }
                      return attempts.save(a).replaceWith(outcome);
                    }));
  }

  private static boolean sameObjects(Attempt seen, Attempt now) {
    return !now.objectsConfirmed()
        && Objects.equals(seen.rendering().standardizedKey(), now.rendering().standardizedKey())
        && Objects.equals(seen.rendering().cutoutKey(), now.rendering().cutoutKey());
  }
}
