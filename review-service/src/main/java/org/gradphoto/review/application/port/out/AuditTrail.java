package org.gradphoto.review.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.gradphoto.review.domain.AuditEntry;

/** The append-only record of who did what, when and why. */
public interface AuditTrail {
  Uni<Void> record(AuditEntry entry);

  Uni<List<AuditEntry>> ofTask(UUID taskId);

  Uni<List<AuditEntry>> ofCollection(UUID collectionId);
}
