package org.gradphoto.capture.application.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gradphoto.capture.application.port.in.ExpireRenderingsUseCase;
import org.gradphoto.capture.application.port.out.AttemptRepository;
import org.gradphoto.capture.application.port.out.UnitOfWork;
import org.gradphoto.capture.application.port.out.UploadBudget;
import org.gradphoto.capture.config.CaptureConfig;
import org.gradphoto.capture.domain.Attempt;

/**
 * Renderings nobody can use any more are deleted: a student who retook ten times leaves nine spec
 * photos and cut-outs behind once one of them passed, and a collection whose window closed unused
 * leaves all of them. The row and the original stay (the original has its own lifecycle in the
 * bucket), so the attempt list still shows what the engine found.
 */
@ApplicationScoped
class RenderingExpiryService implements ExpireRenderingsUseCase {
  private static final int ROUND = 200;
  private static final Duration BUDGET_KEPT = Duration.ofDays(1);

  private final AttemptRepository attempts;
  private final UploadBudget budget;
  private final UnitOfWork uow;
  private final Renderer renderer;
  private final Duration keptFor;

  RenderingExpiryService(
      AttemptRepository attempts,
      UploadBudget budget,
      UnitOfWork uow,
      Renderer renderer,
      CaptureConfig config) {
    this.attempts = attempts;
    this.budget = budget;
    this.uow = uow;
    this.renderer = renderer;
    this.keptFor = config.abandonedRenderingsKeptFor();
  }

  @Override
  public Uni<Integer> expire(Instant now) {
    Instant before = now.minus(keptFor);
    return uow.transaction(() -> budget.forgetBefore(now.minus(BUDGET_KEPT)))
        .chain(() -> uow.transaction(() -> attempts.abandonedWithPhoto(before, ROUND)))
        .chain(
            found ->
                Multi.createFrom()
                    .iterable(found)
                    .onItem()
                    .transformToUniAndConcatenate(this::expireOne)
                    .collect()
                    .asList())
        .map(done -> (int) done.stream().filter(d -> d).count());
  }

  /**
   * The row first, then the objects: once committed nothing points at them, so a failed delete
   * leaves an unreferenced object, never an attempt whose photo is gone while in use. Skipped when
   * the attempt changed since it was listed (re-rendered, submitted, deleted).
   */
  private Uni<Boolean> expireOne(Attempt seen) {
    String key = seen.rendering().standardizedKey();
    return uow.transaction(
            () ->
                attempts
                    .find(seen.id())
                    .chain(
                        found -> {
                          if (found.isEmpty()
                              || found.get().inUse()
                              || !key.equals(found.get().rendering().standardizedKey())) {
                            return Uni.createFrom().item(List.<String>of());
                          }
                          Attempt a = found.get();
                          List<String> keys = new ArrayList<>(a.dropRendering());
                          return attempts.save(a).replaceWith(keys);
                        }))
        .chain(
            keys ->
                keys.isEmpty()
                    ? Uni.createFrom().item(false)
                    : renderer.delete(keys).replaceWith(true));
  }
}
