package org.gradphoto.capture.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.gradphoto.capture.domain.CropHint;
import org.gradphoto.capture.domain.Finding;
import org.gradphoto.capture.domain.PhotoSpec;

/**
 * Turns an upload into the spec photo. Implementations load their models once, run the work on a
 * bounded pool and refuse work beyond its queue with {@link Busy} instead of queueing without end.
 */
public interface PhotoStandardizer {

  /** True once the models are loaded. */
  boolean ready();

  /** The spec profile with this id, or the default one when the id is unknown. */
  PhotoSpec spec(String profileId);

  /**
   * True when new work would be taken now (models loaded, a place in the queue free). A hint only:
   * {@link #standardize} still answers {@link Busy} if the place is gone by then.
   */
  boolean hasRoom();

  /**
   * Reads format and size from the bytes without decoding them.
   *
   * @throws Rejected when the bytes are not a complete, safe image
   */
  Inspected inspect(byte[] upload);

  /**
   * Standardizes on the worker pool. Fails with {@link Rejected} for unusable input and {@link
   * Busy} when the queue is full or the models are not loaded yet.
   */
  Uni<Standardized> standardize(
      byte[] upload, String profileId, Optional<CropHint> hint, String backgroundColour);

  /** What an upload is. */
  record Inspected(String mediaType, String extension, int width, int height) {}

  /**
   * The spec photo, its transparent cut-out, and what the checks found. {@code jpeg} and {@code
   * cutoutPng} are null when a finding leaves nothing honest to show (no face, several people, head
   * cut off): then there are only findings. The cut-out's PNG is encoded when {@code
   * cutoutPng.get()} is first called (tens of milliseconds of CPU), so it can wait until the
   * preview is answered.
   */
  record Standardized(
      byte[] jpeg,
      Supplier<byte[]> cutoutPng,
      List<Finding> findings,
      Map<String, Double> geometry) {
    public boolean hasPhoto() {
      return jpeg != null;
    }
  }

  /** The upload is not an image that can be processed; nothing was produced. */
  final class Rejected extends RuntimeException {
    private final String code;

    public Rejected(String code, String messageZh) {
      super(messageZh);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** No capacity now; try again after the given number of seconds. */
  final class Busy extends RuntimeException {
    private final int retryAfterSeconds;
    private final boolean starting;

    public Busy(boolean starting, int retryAfterSeconds) {
      super(starting ? "models still loading" : "queue full");
      this.starting = starting;
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
      return retryAfterSeconds;
    }

    public boolean starting() {
      return starting;
    }
  }
}
