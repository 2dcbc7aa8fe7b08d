package org.gradphoto.delivery.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who of a batch has no standard photo yet: every collection not completed, and every roster line
 * of the batch that no collection belongs to (the students who never started). A collection and a
 * roster line are the same student when their student numbers match (identity keys a roster entry
 * by school and student number), so the order in which the two events arrived does not matter.
 */
public final class MissingStudents {
  private MissingStudents() {}

  public static List<MissingStudent> of(List<StudentCollection> batch, List<RosterLine> roster) {
    List<MissingStudent> out = new ArrayList<>();
    Set<String> started = new HashSet<>();
    for (StudentCollection c : batch) {
      if (c.studentNumber() != null) {
        started.add(c.studentNumber());
      }
      if (!c.status().hasStandardPhoto() || c.photo() == null) {
        out.add(
            new MissingStudent(
                c.collectionId(),
                c.studentNumber(),
                c.studentName(),
                c.idNumberMasked(),
                c.status()));
      }
    }
    for (RosterLine r : roster) {
      if (started.add(r.studentNumber())) {
        out.add(
            new MissingStudent(
                null,
                r.studentNumber(),
                r.studentName(),
                r.idNumberMasked(),
                CollectionStatus.NOT_STARTED));
      }
    }
    out.sort(
        Comparator.comparing(
                (MissingStudent m) -> m.studentNumber() == null ? "" : m.studentNumber())
            .thenComparing(m -> String.valueOf(m.collectionId())));
    return out;
  }
}
