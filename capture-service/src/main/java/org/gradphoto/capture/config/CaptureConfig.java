package org.gradphoto.capture.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of capture-service ({@code gradphoto.capture.*}). */
@ConfigMapping(prefix = "gradphoto.capture")
public interface CaptureConfig {
  /** Lifetime of presigned GET URLs handed to students and staff. */
  @WithDefault("5m")
  Duration presignTtl();

  /** Upload window of a batch whose {@code EligibilityGranted} names none. */
  @WithDefault("102400")
  long defaultUploadMinBytes();

  @WithDefault("2097152")
  long defaultUploadMaxBytes();

  /** Spec profile of a batch whose profile id this engine does not ship. */
  @WithDefault("chsi-graduation")
  String defaultProfile();

  /**
   * Uploads one student account may make per clock hour (each one costs an engine run; a campus NAT
   * puts many students behind one address, so the gateway's per-address limit cannot be the only
   * one). Over it: 429 with {@code Retry-After} until the hour ends.
   */
  @WithDefault("30")
  int uploadsPerHour();

  /**
   * How long the spec photo and cut-out of an attempt that can no longer be submitted (its
   * collection passed, completed or was delivered with another attempt, or its capture window
   * closed) are kept after they were rendered; then they are deleted (the original and the findings
   * stay; an adjustment renders it again).
   */
  @WithDefault("2d")
  Duration abandonedRenderingsKeptFor();

  /**
   * How long after an attempt was rendered the writes that follow its answer (original, cut-out)
   * have surely ended: three tries, each bounded by the S3 call timeout (30 s), and the engine's
   * queue wait before an original's write starts. Only then does the repair sweep look for objects
   * that were never stored.
   */
  @WithDefault("5m")
  Duration deferredWritesSettledAfter();

  /**
   * Period of that repair round (read by its {@code @Scheduled}); {@code off} never runs it (the
   * test profile: a test runs the rounds itself).
   */
  @WithDefault("5m")
  String repairEvery();

  /** First repair round this long after start. */
  @WithDefault("1m")
  String repairDelay();

  Engine engine();

  /** The standardization worker pool. */
  interface Engine {
    /** Worker threads (and model sets); 0 means one per processor. */
    @WithDefault("0")
    int workers();

    /** Uploads waiting for a worker beyond which new ones are refused with 503. */
    @WithDefault("24")
    int queueCapacity();

    /**
     * Longest time an upload waits in the queue for a worker; after it the upload is answered 503
     * with {@code Retry-After} (a slow host must not leave students waiting without end).
     */
    @WithDefault("10s")
    Duration maxWait();

    /**
     * OpenCV's threads inside one standardization (one setting per process). 1: each worker's call
     * runs on its own thread, so workers × 1 fits the cores (with one worker per processor, more
     * would only make the calls fight for them); 0 leaves OpenCV's default of one per core.
     */
    @WithDefault("1")
    int opencvThreads();

    /** Seconds a refused client is told to wait. */
    @WithDefault("5")
    int retryAfterSeconds();
  }
}
