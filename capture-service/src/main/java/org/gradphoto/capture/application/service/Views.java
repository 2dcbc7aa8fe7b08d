package org.gradphoto.capture.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gradphoto.capture.application.port.in.AttemptView;
import org.gradphoto.capture.application.port.in.CaptureStatusView;
import org.gradphoto.capture.application.port.out.PhotoStandardizer;
import org.gradphoto.capture.application.port.out.PhotoStorage;
import org.gradphoto.capture.config.CaptureConfig;
import org.gradphoto.capture.domain.Attempt;
import org.gradphoto.capture.domain.AttemptStatus;
import org.gradphoto.capture.domain.CaptureCollection;
import org.gradphoto.capture.domain.Phase;

/** Builds the student's views: status, and attempts with presigned previews and guide lines. */
@ApplicationScoped
class Views {
  private final PhotoStorage storage;
  private final PhotoStandardizer standardizer;
  private final Duration ttl;

  Views(PhotoStorage storage, PhotoStandardizer standardizer, CaptureConfig config) {
    this.storage = storage;
    this.standardizer = standardizer;
    this.ttl = config.presignTtl();
  }

  static CaptureStatusView status(CaptureCollection c, int attempts, Instant now) {
    Phase phase = c.phase(now, attempts);
    return new CaptureStatusView(
        c.id(),
        phase.name(),
        c.nextStep(now, attempts),
        phase.capturing(),
        c.reviewReasons(),
        c.submittedAttemptId(),
        attempts,
        c.specProfile(),
        c.backgroundColours(),
        c.uploadMinBytes(),
        c.uploadMaxBytes(),
        c.windowClosesAt(),
        c.paymentPolicy(),
        c.paid());
  }

  Uni<AttemptView> attempt(CaptureCollection c, Attempt a, Instant now) {
    Instant expires = now.plus(ttl);
    Uni<String> preview =
        a.rendering().hasPhoto()
            ? storage.presignGet(a.rendering().standardizedKey(), ttl)
            : Uni.createFrom().nullItem();
    return preview.map(
        url -> {
          boolean open = c.phase(now, 1).capturing();
          boolean editable =
              a.status() == AttemptStatus.READY || a.status() == AttemptStatus.REJECTED;
          boolean findingsAllow =
              a.rendering().hasPhoto()
                  && !a.originalLost()
                  && (!a.hasRejectFindings() || c.allowSubmitWithFindings());
          Attempt.Rendering r = a.rendering();
          return new AttemptView(
              a.id(),
              a.collectionId(),
              a.number(),
              a.status().name(),
              a.createdAt(),
              r.renderedAt(),
              r.backgroundColour(),
              c.backgroundColours(),
              r.cropHint(),
              !a.hasRejectFindings(),
              open && editable && findingsAllow,
              r.findings(),
              r.geometry(),
              standardizer.spec(c.specProfile()),
              url == null ? null : new AttemptView.Preview(url, expires));
        });
  }

  Uni<List<AttemptView>> attempts(CaptureCollection c, List<Attempt> list, Instant now) {
    if (list.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return Uni.join().all(list.stream().map(a -> attempt(c, a, now)).toList()).andFailFast();
  }
}
