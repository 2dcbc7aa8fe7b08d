package org.gradphoto.capture.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gradphoto.capture.application.port.in.AdjustAttemptUseCase;
import org.gradphoto.capture.application.port.in.AttemptView;
import org.gradphoto.capture.application.port.out.AttemptRepository;
import org.gradphoto.capture.application.port.out.PhotoStorage;
import org.gradphoto.capture.application.port.out.UnitOfWork;
import org.gradphoto.capture.domain.Attempt;
import org.gradphoto.capture.domain.AttemptStatus;
import org.gradphoto.capture.domain.CaptureCollection;
import org.gradphoto.capture.domain.CaptureRefusal;
import org.gradphoto.capture.domain.CaptureRefusal.Reason;
import org.gradphoto.capture.domain.CropHint;

/** Re-renders an attempt from its original with another guide frame or colour. */
@ApplicationScoped
class AdjustAttemptService implements AdjustAttemptUseCase {
  private final AttemptRepository attempts;
  private final UnitOfWork uow;
  private final Ownership ownership;
  private final Renderer renderer;
  private final Views views;

  AdjustAttemptService(
      AttemptRepository attempts,
      UnitOfWork uow,
      Ownership ownership,
      Renderer renderer,
      Views views) {
    this.attempts = attempts;
    this.uow = uow;
    this.ownership = ownership;
    this.renderer = renderer;
    this.views = views;
  }

  /** Originals expire after the bucket's lifecycle period; their renderings stay. */
  private static CaptureRefusal originalExpired() {
    return new CaptureRefusal(Reason.ORIGINAL_EXPIRED);
  }

  @Override
  public Uni<AttemptView> adjust(AdjustAttemptCommand cmd) {
    if (cmd.cropHint().isEmpty() && cmd.background().isEmpty()) {
      throw new CaptureRefusal(Reason.NOTHING_TO_ADJUST);
    }
    Instant now = Instant.now();
    List<String> written = new ArrayList<>();
    return uow.transaction(
            () -> ownership.ownedAttempt(cmd.studentId(), cmd.collectionId(), cmd.attemptId()))
        .chain(
            l -> {
              CaptureCollection c = l.collection();
              Attempt a = l.attempts().get(0);
              c.ensureCapturing(now);
              ensureEditable(a);
              Optional<CropHint> hint = cmd.cropHint().or(a::cropHint);
              String colour =
                  cmd.background().map(c::colourOrDefault).orElse(a.rendering().backgroundColour());
              // The original may still be being written after its upload's answer.
              return renderer
                  .get(a.original().key())
                  .onFailure(PhotoStorage.ObjectMissing.class)
                  .transform(e -> originalExpired())
                  .chain(bytes -> renderer.render(c, a.id(), bytes, hint, colour, now, written))
                  .chain(
                      rendering ->
                          uow.transaction(
                              () ->
                                  ownership
                                      .ownedAttempt(cmd.studentId(), c.id(), a.id())
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
                  .call(e -> renderer.delete(written));
            })
        .call(r -> renderer.delete(r.replaced()))
        .chain(
            r ->
                views.attempt(
                    r.listed().collection(), r.listed().attempts().get(0), Instant.now()));
  }

  private record Rerendered(Ownership.Listed listed, List<String> replaced) {}

  private static void ensureEditable(Attempt a) {
    if (a.status() == AttemptStatus.SUBMITTED || a.status() == AttemptStatus.PASSED) {
      throw new CaptureRefusal(Reason.ATTEMPT_LOCKED);
    }
    if (a.originalLost()) {
      throw new CaptureRefusal(Reason.ORIGINAL_NOT_STORED);
    }
  }
}
