package org.gradphoto.review.adapter.out.comparison;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gradphoto.review.application.port.out.RosterComparison;
import org.gradphoto.review.domain.Comparison;
import org.gradphoto.review.domain.Roster;
import org.gradphoto.review.domain.Submission;

/**
 * The default comparison: the passed submission must belong to the student, batch and school of the
 * roster record, and the record must name the student. It needs nothing outside this service, so a
 * passed collection moves on by itself; a registry lookup (学信网) would be another adapter.
 */
@ApplicationScoped
class RosterRecordComparison implements RosterComparison {

  @Override
  public Uni<Comparison> compare(Roster roster, Submission submission) {
    List<String> differences = new ArrayList<>();
    if (!Objects.equals(roster.studentId(), submission.studentId())) {
      differences.add("student");
    }
    if (!Objects.equals(roster.batchId(), submission.batchId())) {
      differences.add("batch");
    }
    if (!Objects.equals(roster.schoolCode(), submission.schoolCode())) {
      differences.add("school");
    }
    if (roster.studentName() == null || roster.studentName().isBlank()) {
      differences.add("roster name missing");
    }
    return Uni.createFrom()
        .item(
            differences.isEmpty()
                ? Comparison.match()
                : Comparison.mismatch(String.join(", ", differences) + " differ"));
  }
}
