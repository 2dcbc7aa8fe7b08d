package org.gradphoto.delivery.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.gradphoto.delivery.domain.NotificationAttempt;
import org.gradphoto.delivery.domain.NotificationConsent;

/** Students' subscription authorisations and every notification attempt. */
public interface NotificationLog {
  Uni<NotificationConsent> consentOf(UUID studentId);

  Uni<Void> save(NotificationConsent consent);

  Uni<Void> record(NotificationAttempt attempt);

  Uni<List<NotificationAttempt>> attemptsFor(UUID collectionId);
}
