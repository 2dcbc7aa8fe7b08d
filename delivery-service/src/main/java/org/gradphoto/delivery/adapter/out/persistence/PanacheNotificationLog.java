package org.gradphoto.delivery.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.gradphoto.delivery.application.port.out.NotificationLog;
import org.gradphoto.delivery.config.DeliveryKeys;
import org.gradphoto.delivery.domain.NotificationAttempt;
import org.gradphoto.delivery.domain.NotificationConsent;

/** Consents and attempts in PostgreSQL; the consent's openid is sealed with delivery's key. */
@ApplicationScoped
class PanacheNotificationLog implements NotificationLog {
  private final DeliveryKeys keys;

  PanacheNotificationLog(DeliveryKeys keys) {
    this.keys = keys;
  }

  @Override
  public Uni<NotificationConsent> consentOf(UUID studentId) {
    return Panache.getSession()
        .chain(s -> s.find(ConsentEntity.class, studentId))
        .map(
            e ->
                e == null
                    ? NotificationConsent.none(studentId)
                    : new NotificationConsent(
                        e.studentId,
                        openIdOf(e),
                        e.available,
                        e.accepted,
                        e.declined,
                        e.decidedAt));
  }

  @Override
  public Uni<Void> save(NotificationConsent c) {
    return Panache.getSession()
        .chain(
            s ->
                s.find(ConsentEntity.class, c.studentId())
                    .chain(
                        existing -> {
                          ConsentEntity e = existing != null ? existing : new ConsentEntity();
                          e.studentId = c.studentId();
                          e.openIdSealed =
                              c.openId() == null ? null : keys.sealer().seal(c.openId());
                          e.legacyOpenId = null;
                          e.available = c.available();
                          e.accepted = c.accepted();
                          e.declined = c.declined();
                          e.decidedAt = c.decidedAt();
                          return existing != null ? Uni.createFrom().voidItem() : s.persist(e);
                        }));
  }

  private String openIdOf(ConsentEntity e) {
    if (e.openIdSealed != null) {
      return keys.sealer().open(e.openIdSealed);
    }
    return e.legacyOpenId; // not sealed yet: LegacyOpenIds runs at start
  }

  @Override
  public Uni<Void> record(NotificationAttempt a) {
    AttemptEntity e = new AttemptEntity();
    e.attemptId = a.attemptId();
    e.eventId = a.eventId();
    e.collectionId = a.collectionId();
    e.studentId = a.studentId();
    e.kind = a.kind();
    e.channel = a.channel();
    e.outcome = a.outcome();
    e.detail = a.detail();
    e.attemptedAt = a.attemptedAt();
    return e.persist().replaceWithVoid();
  }

  @Override
  public Uni<List<NotificationAttempt>> attemptsFor(UUID collectionId) {
    return AttemptEntity.<AttemptEntity>list("collectionId", Sort.by("attemptedAt"), collectionId)
        .map(
            l ->
                l.stream()
                    .map(
                        e ->
                            new NotificationAttempt(
                                e.attemptId,
                                e.eventId,
                                e.collectionId,
                                e.studentId,
                                e.kind,
                                e.channel,
                                e.outcome,
                                e.detail,
                                e.attemptedAt))
                    .toList());
  }
}
