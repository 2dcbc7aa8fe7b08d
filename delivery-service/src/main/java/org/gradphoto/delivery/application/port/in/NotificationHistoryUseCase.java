package org.gradphoto.delivery.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.gradphoto.delivery.domain.NotificationAttempt;

/** Every notification attempt of a collection, for operators answering a student. */
public interface NotificationHistoryUseCase {
  Uni<List<NotificationAttempt>> attempts(UUID collectionId);
}
