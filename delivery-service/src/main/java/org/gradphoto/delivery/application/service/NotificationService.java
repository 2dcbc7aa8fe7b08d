package org.gradphoto.delivery.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.delivery.application.port.in.NotificationConsentUseCase;
import org.gradphoto.delivery.application.port.in.NotificationHistoryUseCase;
import org.gradphoto.delivery.application.port.in.ReviewResultUseCase;
import org.gradphoto.delivery.application.port.out.CollectionRepository;
import org.gradphoto.delivery.application.port.out.NotificationLog;
import org.gradphoto.delivery.application.port.out.SubscriptionMessenger;
import org.gradphoto.delivery.application.port.out.UnitOfWork;
import org.gradphoto.delivery.domain.NotificationAttempt;
import org.gradphoto.delivery.domain.NotificationConsent;
import org.gradphoto.delivery.domain.NotificationKind;
import org.gradphoto.delivery.domain.NotificationOutcome;
import org.gradphoto.delivery.domain.StudentCollection;
import org.gradphoto.kernel.value.Ids;

/**
 * Review results: the student's status moves on, and a subscription message goes out when the
 * student has an unused authorisation. Every attempt, including "no authorisation", is recorded.
 */
@ApplicationScoped
class NotificationService
    implements ReviewResultUseCase, NotificationConsentUseCase, NotificationHistoryUseCase {
  private final CollectionRepository collections;
  private final NotificationLog log;
  private final SubscriptionMessenger messenger;
  private final UnitOfWork uow;

  NotificationService(
      CollectionRepository collections,
      NotificationLog log,
      SubscriptionMessenger messenger,
      UnitOfWork uow) {
    this.collections = collections;
    this.log = log;
    this.messenger = messenger;
    this.uow = uow;
  }

  @Override
  public Uni<Void> reviewed(ReviewResult r) {
    return collections
        .find(r.collectionId())
        .chain(
            found -> {
              // Identity's event normally arrives days earlier; failing here retries and then
              // parks the message on the dead-letter topic for replay.
              StudentCollection c =
                  found
                      .filter(x -> x.studentId() != null)
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "review result for unknown collection " + r.collectionId()));
              boolean passed = r.kind() == NotificationKind.REVIEW_PASSED;
              return collections.save(c.reviewed(passed)).chain(() -> notify(c, r));
            });
  }

  private Uni<Void> notify(StudentCollection c, ReviewResult r) {
    return log.consentOf(c.studentId())
        .chain(
            consent -> {
              if (!consent.mayNotify()) {
                return log.record(
                    attempt(
                        r,
                        c,
                        NotificationOutcome.SKIPPED_NO_CONSENT,
                        "student has not authorised"));
              }
              return messenger
                  .send(
                      new SubscriptionMessenger.Message(
                          c.studentId(),
                          consent.openId(),
                          c.collectionId(),
                          r.kind(),
                          r.decidedAt()))
                  .onFailure()
                  .recoverWithItem(e -> new SubscriptionMessenger.Result(false, e.toString()))
                  .chain(
                      result ->
                          log.record(
                                  attempt(
                                      r,
                                      c,
                                      result.sent()
                                          ? NotificationOutcome.SENT
                                          : NotificationOutcome.FAILED,
                                      result.detail()))
                              // WeChat spends the one-time authorisation only on a delivered
                              // message.
                              .chain(
                                  () ->
                                      result.sent()
                                          ? log.save(consent.used())
                                          : Uni.createFrom().voidItem()));
            });
  }

  private NotificationAttempt attempt(
      ReviewResult r, StudentCollection c, NotificationOutcome outcome, String detail) {
    return new NotificationAttempt(
        Ids.newId(),
        r.eventId(),
        c.collectionId(),
        c.studentId(),
        r.kind(),
        messenger.channel(),
        outcome,
        detail,
        Instant.now());
  }

  @Override
  public Uni<NotificationConsent> decide(UUID studentId, String openId, boolean accepted) {
    return uow.transaction(
        () ->
            log.consentOf(studentId)
                .map(c -> c.decided(accepted, openId, Instant.now()))
                .call(log::save));
  }

  @Override
  public Uni<NotificationConsent> of(UUID studentId) {
    return uow.transaction(() -> log.consentOf(studentId));
  }

  @Override
  public Uni<List<NotificationAttempt>> attempts(UUID collectionId) {
    return uow.transaction(() -> log.attemptsFor(collectionId));
  }
}
