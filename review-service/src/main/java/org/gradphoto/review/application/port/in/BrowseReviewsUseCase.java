package org.gradphoto.review.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.gradphoto.review.domain.AuditEntry;
import org.gradphoto.review.domain.RejectionReason;
import org.gradphoto.review.domain.SpecWindows;

/** What staff can look at, limited to their schools (operators see all). */
public interface BrowseReviewsUseCase {
  Uni<QueuePage> queue(Staff staff, QueueFilter filter);

  Uni<TaskDetails> task(Staff staff, UUID taskId);

  /** The audit trail of a task, oldest first. */
  Uni<List<AuditEntry>> audit(Staff staff, UUID taskId);

  /** The audit trail of every task of a collection, oldest first. */
  Uni<List<AuditEntry>> collectionAudit(Staff staff, UUID collectionId);

  /** Progress per batch, for one school or all the staff member's schools. */
  Uni<List<BatchProgress>> progress(Staff staff, String school);

  List<RejectionReason> reasons();

  List<SpecWindows> profiles();
}
