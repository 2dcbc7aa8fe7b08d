package org.gradphoto.capture.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One upload and its standardized result. Every attempt is kept (a student may retake any number of
 * times and submit any one of them); an adjustment re-renders the same attempt from its original
 * with another guide frame or background.
 */
public final class Attempt {
  private final UUID id;
  private final UUID collectionId;
  private final int number;
  private final Instant createdAt;
  private final String clientKey;
  private final Original original;
  private AttemptStatus status;
  private Rendering rendering;
  private boolean objectsConfirmed;
  private boolean originalLost;

  /** The finding an attempt whose original was never stored shows the student. */
  public static final String ORIGINAL_NOT_STORED = "ORIGINAL_NOT_STORED";

  /** The uploaded photo as stored: object key, media type and size. */
  public record Original(String key, String mediaType, long bytes) {}

  /**
   * One standardization of the original: the object keys of the spec photo and its cut-out, the
   * framing and colour asked for, and what the engine found. Both keys are null when a finding left
   * nothing honest to show (no face, several people, head cut off): then only the findings are
   * kept.
   */
  public record Rendering(
      String standardizedKey,
      String cutoutKey,
      CropHint cropHint,
      String backgroundColour,
      List<Finding> findings,
      Map<String, Double> geometry,
      Instant renderedAt) {
    public Rendering {
      findings = List.copyOf(findings);
      geometry = Map.copyOf(geometry);
    }

    /** False when the engine produced no spec photo for this rendering. */
    public boolean hasPhoto() {
      return standardizedKey != null;
    }
  }

  /** A new attempt: the objects written after its answer are not confirmed yet. */
  public Attempt(
      UUID id,
      UUID collectionId,
      int number,
      Instant createdAt,
      String clientKey,
      Original original,
      AttemptStatus status,
      Rendering rendering) {
    this(id, collectionId, number, createdAt, clientKey, original, status, rendering, false, false);
  }

  /**
   * @param objectsConfirmed the original and the rendering's cut-out were seen stored after their
   *     writes (which follow the upload's answer) had ended
   * @param originalLost the original was never stored: its write failed for good, or the instance
   *     writing it stopped first
   */
  public Attempt(
      UUID id,
      UUID collectionId,
      int number,
      Instant createdAt,
      String clientKey,
      Original original,
      AttemptStatus status,
      Rendering rendering,
      boolean objectsConfirmed,
      boolean originalLost) {
    this.id = id;
    this.collectionId = collectionId;
    this.number = number;
    this.createdAt = createdAt;
    this.clientKey = clientKey;
    this.original = original;
    this.status = status;
    this.rendering = rendering;
    this.objectsConfirmed = objectsConfirmed;
    this.originalLost = originalLost;
  }

  public boolean hasRejectFindings() {
    return rendering.findings().stream().anyMatch(Finding::rejects);
  }

  /**
   * Replaces the rendering; returns the object keys of the one it replaced. A new photo's cut-out
   * is written after the answer, so the attempt's objects are unconfirmed again.
   */
  public List<String> rerender(Rendering next) {
    Rendering old = rendering;
    rendering = next;
    objectsConfirmed = objectsConfirmed && !next.hasPhoto();
    return old.hasPhoto() ? List.of(old.standardizedKey(), old.cutoutKey()) : List.of();
  }

  /**
   * Forgets the rendering of an attempt that can no longer be submitted (its collection moved on or
   * closed): the findings stay, the photo objects go. Returns the keys to delete.
   */
  public List<String> dropRendering() {
    return rerender(
        new Rendering(
            null,
            null,
            rendering.cropHint(),
            rendering.backgroundColour(),
            rendering.findings(),
            rendering.geometry(),
            rendering.renderedAt()));
  }

  /** Every object the attempt names was seen stored once its writes had ended. */
  public void objectsSeenStored() {
    objectsConfirmed = true;
  }

  /**
   * The original was never stored, and nothing can bring it back: the attempt can no longer be
   * submitted or adjusted, and a finding tells the student to upload the photo again.
   */
  public void originalNeverStored() {
    originalLost = true;
    objectsConfirmed = true;
    if (rendering.findings().stream().noneMatch(f -> ORIGINAL_NOT_STORED.equals(f.code()))) {
      List<Finding> findings = new ArrayList<>(rendering.findings());
      findings.add(
          new Finding(
              ORIGINAL_NOT_STORED,
              Finding.REJECT,
              "这张照片的原图没有保存成功，不能提交或调整。请重新上传这张照片。",
              null,
              null,
              null));
      rendering =
          new Rendering(
              rendering.standardizedKey(),
              rendering.cutoutKey(),
              rendering.cropHint(),
              rendering.backgroundColour(),
              findings,
              rendering.geometry(),
              rendering.renderedAt());
    }
  }

  public boolean objectsConfirmed() {
    return objectsConfirmed;
  }

  public boolean originalLost() {
    return originalLost;
  }

  /** True when this attempt is the collection's photo or is with a reviewer: never expired. */
  public boolean inUse() {
    return status == AttemptStatus.SUBMITTED || status == AttemptStatus.PASSED;
  }

  public void submitted() {
    status = AttemptStatus.SUBMITTED;
  }

  /** Withdrawn from review by the student: ready to be submitted again. */
  public void withdrawn() {
    if (status == AttemptStatus.SUBMITTED) {
      status = AttemptStatus.READY;
    }
  }

  public void rejected() {
    status = AttemptStatus.REJECTED;
  }

  public void passed() {
    status = AttemptStatus.PASSED;
  }

  public Optional<CropHint> cropHint() {
    return Optional.ofNullable(rendering.cropHint());
  }

  public UUID id() {
    return id;
  }

  public UUID collectionId() {
    return collectionId;
  }

  public int number() {
    return number;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String clientKey() {
    return clientKey;
  }

  public Original original() {
    return original;
  }

  public AttemptStatus status() {
    return status;
  }

  public Rendering rendering() {
    return rendering;
  }
}
