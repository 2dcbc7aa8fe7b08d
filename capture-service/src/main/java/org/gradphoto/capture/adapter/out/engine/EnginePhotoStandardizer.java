package org.gradphoto.capture.adapter.out.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.gradphoto.capture.application.port.out.PhotoStandardizer;
import org.gradphoto.capture.config.CaptureConfig;
import org.gradphoto.capture.domain.CropHint;
import org.gradphoto.capture.domain.Finding;
import org.gradphoto.capture.domain.PhotoSpec;
import org.gradphoto.engine.BackgroundColour;
import org.gradphoto.engine.Geometry;
import org.gradphoto.engine.GuideFrame;
import org.gradphoto.engine.InputRejectedException;
import org.gradphoto.engine.PhotoEngine;
import org.gradphoto.engine.Report;
import org.gradphoto.engine.SpecProfile;
import org.gradphoto.engine.StandardizeResult;
import org.gradphoto.engine.io.HeaderReader;
import org.gradphoto.engine.io.ImageHeader;
import org.gradphoto.kernel.reactive.ContextResume;

/**
 * The one class that knows the photo engine's API. Loads the models once, in the background at
 * start-up (readiness is DOWN until then), and runs every standardization on a bounded worker pool
 * with one model set per worker.
 */
@ApplicationScoped
class EnginePhotoStandardizer implements PhotoStandardizer {
  private final CompletableFuture<PhotoEngine> engine = new CompletableFuture<>();
  private final Map<String, PhotoSpec> specs = new ConcurrentHashMap<>();
  private final BoundedWorkPool pool;
  private final String defaultProfile;
  private final int retryAfterSeconds;
  private final int openCvThreads;
  private final Timer waited;
  private final Timer ran;

  EnginePhotoStandardizer(CaptureConfig config, MeterRegistry metrics) {
    int workers =
        config.engine().workers() > 0
            ? config.engine().workers()
            : Runtime.getRuntime().availableProcessors();
    this.pool =
        new BoundedWorkPool(
            "photo-engine", workers, config.engine().queueCapacity(), config.engine().maxWait());
    this.defaultProfile = config.defaultProfile();
    this.retryAfterSeconds = config.engine().retryAfterSeconds();
    this.openCvThreads = config.engine().opencvThreads();
    Gauge.builder("capture.engine.queued", pool, BoundedWorkPool::queued)
        .description("uploads waiting for a standardization worker")
        .register(metrics);
    Gauge.builder("capture.engine.active", pool, BoundedWorkPool::active)
        .description("standardizations running now")
        .register(metrics);
    this.waited = stage(metrics, "engine.wait");
    this.ran = stage(metrics, "engine.run");
  }

  private static Timer stage(MeterRegistry metrics, String stage) {
    return Timer.builder("capture.stage")
        .description("time of one step of an upload or adjustment")
        .tag("stage", stage)
        .register(metrics);
  }

  void onStart(@Observes StartupEvent ignored) {
    Thread loader =
        new Thread(
            () -> {
              long start = System.nanoTime();
              try {
                PhotoEngine.openCvThreads(openCvThreads);
                engine.complete(PhotoEngine.load(pool.workers()));
                Log.infof(
                    "photo engine ready in %d ms (%d workers, OpenCV threads %d)",
                    (System.nanoTime() - start) / 1_000_000,
                    pool.workers(),
                    PhotoEngine.openCvThreads());
              } catch (Throwable e) {
                Log.error("photo engine failed to load; readiness stays DOWN", e);
                engine.completeExceptionally(e);
              }
            },
            "photo-engine-loader");
    loader.setDaemon(true);
    loader.start();
  }

  @PreDestroy
  void stop() {
    pool.close();
  }

  @Override
  public boolean ready() {
    return engine.isDone() && !engine.isCompletedExceptionally();
  }

  @Override
  public boolean hasRoom() {
    return ready() && pool.hasRoom();
  }

  @Override
  public PhotoSpec spec(String profileId) {
    String id =
        profileId != null && SpecProfile.SHIPPED.contains(profileId) ? profileId : defaultProfile;
    return specs.computeIfAbsent(id, k -> toSpec(SpecProfile.named(k)));
  }

  @Override
  public Inspected inspect(byte[] upload) {
    try {
      ImageHeader h = HeaderReader.read(upload);
      return switch (h.format()) {
        case JPEG -> new Inspected("image/jpeg", "jpg", h.uprightWidth(), h.uprightHeight());
        case PNG -> new Inspected("image/png", "png", h.uprightWidth(), h.uprightHeight());
        case WEBP -> new Inspected("image/webp", "webp", h.uprightWidth(), h.uprightHeight());
      };
    } catch (InputRejectedException e) {
      throw rejected(e);
    }
  }

  @Override
  public Uni<Standardized> standardize(
      byte[] upload, String profileId, Optional<CropHint> hint, String backgroundColour) {
    if (!ready()) {
      return Uni.createFrom().failure(new Busy(true, retryAfterSeconds));
    }
    PhotoEngine photoEngine = engine.join();
    SpecProfile profile = SpecProfile.named(spec(profileId).id());
    BackgroundColour colour = BackgroundColour.parse(backgroundColour);
    Optional<GuideFrame> engineHint =
        hint.map(h -> new GuideFrame(h.x(), h.y(), h.width(), h.height()));
    Uni<Standardized> work =
        Uni.createFrom()
            .completionStage(
                () -> {
                  long queuedAt = System.nanoTime();
                  return pool.submit(
                      () -> {
                        long start = System.nanoTime();
                        waited.record(start - queuedAt, TimeUnit.NANOSECONDS);
                        try {
                          return toStandardized(
                              photoEngine.standardize(upload, profile, engineHint, colour));
                        } finally {
                          ran.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                        }
                      });
                })
            .onFailure()
            .transform(this::translate);
    return ContextResume.onCallerContext(work);
  }

  private Throwable translate(Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof RejectedExecutionException) {
      return new Busy(false, retryAfterSeconds);
    }
    if (cause instanceof InputRejectedException r) {
      return rejected(r);
    }
    return cause;
  }

  private static Rejected rejected(InputRejectedException e) {
    return new Rejected(e.code().name(), e.messageZh());
  }

  private static Standardized toStandardized(StandardizeResult r) {
    Report report = r.report();
    List<Finding> findings =
        report.findings().stream()
            .map(
                f ->
                    new Finding(
                        f.code().name(),
                        f.severity().name(),
                        f.message(),
                        f.measured(),
                        f.threshold(),
                        f.unit()))
            .toList();
    Map<String, Double> geometry = new HashMap<>();
    Geometry g = report.geometry();
    if (g != null) {
      geometry.put("headTopPx", g.headTopPx());
      geometry.put("eyeLinePx", g.eyeLinePx());
      geometry.put("faceWidthPx", g.faceWidthPx());
      geometry.put("faceCenterXPx", g.faceCenterXPx());
      geometry.put("rollDeg", g.rollDeg());
      geometry.put("yawDeg", g.yawDeg());
    }
    if (r.hasPhoto() && report.output() != null) {
      geometry.put("widthPx", (double) report.output().widthPx());
      geometry.put("heightPx", (double) report.output().heightPx());
      geometry.put("jpegQuality", (double) report.output().jpegQuality());
      geometry.put("jpegBytes", (double) report.output().jpegBytes());
    }
    // The cut-out's PNG is encoded by the engine when first asked for: after the answer.
    return new Standardized(r.jpeg(), r.hasPhoto() ? r::cutoutPng : null, findings, geometry);
  }

  private static PhotoSpec toSpec(SpecProfile p) {
    return new PhotoSpec(
        p.id(),
        p.title(),
        p.widthPx(),
        p.heightPx(),
        p.backgrounds().stream().map(BackgroundColour::hex).toList(),
        window(p.headTopPx()),
        window(p.eyeLinePx()),
        window(p.faceWidthPx()),
        p.centreTolerancePx());
  }

  private static PhotoSpec.Window window(SpecProfile.Window w) {
    return new PhotoSpec.Window(w.min(), w.max());
  }
}
