package org.gradphoto.review.adapter.in.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gradphoto.review.application.port.in.TaskDetails;
import org.gradphoto.review.domain.AuditEntry;
import org.gradphoto.review.domain.CollectionReview;
import org.gradphoto.review.domain.Decision;
import org.gradphoto.review.domain.Finding;
import org.gradphoto.review.domain.GivenReason;
import org.gradphoto.review.domain.RejectionReason;
import org.gradphoto.review.domain.ReviewTask;
import org.gradphoto.review.domain.Roster;
import org.gradphoto.review.domain.SpecWindows;
import org.gradphoto.review.domain.Submission;

/** The JSON the staff API answers with, mapped from the domain. */
final class StaffViews {
  private StaffViews() {}

  record ReasonView(String code, String label, String message, boolean needsText) {
    static ReasonView of(RejectionReason r) {
      return new ReasonView(r.name(), r.label(), r.sentence(), r.needsText());
    }
  }

  record ClaimView(String by, String name, Instant until, boolean mine) {}

  record QueueItem(
      UUID id,
      UUID collectionId,
      UUID attemptId,
      String schoolCode,
      UUID batchId,
      Instant submittedAt,
      Instant dueAt,
      boolean overdue,
      boolean flagged,
      int findings,
      String status,
      ClaimView claim,
      String outcome) {}

  record QueueView(long total, List<QueueItem> items) {}

  record DecisionView(
      String outcome,
      List<GivenReason> reasons,
      String note,
      String by,
      String byName,
      Instant at) {}

  record StudentView(
      String name, String studentNumber, String idNumberMasked, String degreeLevel) {}

  record CollectionView(
      String state,
      String stateLabel,
      String paymentPolicy,
      boolean paid,
      boolean awaitingPayment,
      Boolean comparisonMatched,
      String comparisonNote,
      Instant completedAt) {}

  record TaskView(
      UUID id,
      UUID collectionId,
      UUID attemptId,
      String schoolCode,
      String schoolName,
      UUID batchId,
      String batchName,
      String specProfile,
      String backgroundColour,
      Instant submittedAt,
      Instant dueAt,
      boolean promiseKnown,
      boolean overdue,
      boolean flagged,
      String status,
      List<Finding> findings,
      Map<String, Double> geometry,
      SpecWindows profile,
      ClaimView claim,
      DecisionView decision,
      int reopenCount,
      StudentView student,
      CollectionView collection) {}

  record AuditView(
      UUID id,
      UUID taskId,
      UUID collectionId,
      String action,
      String actorId,
      String actorName,
      List<GivenReason> reasons,
      String note,
      Instant at) {
    static AuditView of(AuditEntry a) {
      return new AuditView(
          a.id(),
          a.taskId(),
          a.collectionId(),
          a.action().name(),
          a.actorId(),
          a.actorName(),
          a.reasons(),
          a.note(),
          a.at());
    }
  }

  static ClaimView claim(ReviewTask t, String me, Instant now) {
    if (!t.claimLive(now)) {
      return null;
    }
    return new ClaimView(
        t.claimedBy(), t.claimedByName(), t.leaseUntil(), t.claimedBy().equals(me));
  }

  static QueueItem item(ReviewTask t, String me, Instant now) {
    Submission s = t.submission();
    return new QueueItem(
        t.id(),
        s.collectionId(),
        s.attemptId(),
        s.schoolCode(),
        s.batchId(),
        s.submittedAt(),
        t.dueAt(),
        t.overdue(now),
        s.flagged(),
        s.findings().size(),
        t.status().name(),
        claim(t, me, now),
        t.decision() == null ? null : t.decision().outcome().name());
  }

  static TaskView task(TaskDetails d, String me, Instant now) {
    ReviewTask t = d.task();
    Submission s = t.submission();
    CollectionReview c = d.collection();
    Roster r = c.roster();
    Decision dec = t.decision();
    return new TaskView(
        t.id(),
        s.collectionId(),
        s.attemptId(),
        s.schoolCode(),
        r == null ? null : r.schoolName(),
        s.batchId(),
        r == null ? null : r.batchName(),
        s.specProfile(),
        s.backgroundColour(),
        s.submittedAt(),
        t.dueAt(),
        t.promiseKnown(),
        t.overdue(now),
        s.flagged(),
        t.status().name(),
        s.findings(),
        s.geometry(),
        d.profile(),
        claim(t, me, now),
        dec == null
            ? null
            : new DecisionView(
                dec.outcome().name(),
                dec.reasons(),
                dec.note(),
                dec.reviewerId(),
                dec.reviewerName(),
                dec.decidedAt()),
        t.reopenCount(),
        r == null
            ? null
            : new StudentView(
                r.studentName(), r.studentNumber(), r.idNumberMasked(), r.degreeLevel()),
        new CollectionView(
            c.state().name(),
            c.state().label(),
            r == null ? null : r.paymentPolicy(),
            c.paidAt() != null,
            c.awaitingPayment(),
            c.comparison() == null ? null : c.comparison().matched(),
            c.comparison() == null ? null : c.comparison().note(),
            c.completedAt()));
  }
}
