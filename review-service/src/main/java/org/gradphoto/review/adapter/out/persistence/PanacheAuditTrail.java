package org.gradphoto.review.adapter.out.persistence;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.gradphoto.review.application.port.out.AuditTrail;
import org.gradphoto.review.domain.AuditEntry;

@ApplicationScoped
class PanacheAuditTrail implements AuditTrail {
  private static final Sort ORDER = Sort.by("seq");

  @Override
  public Uni<Void> record(AuditEntry a) {
    AuditEntryEntity e = new AuditEntryEntity();
    e.id = a.id();
    e.taskId = a.taskId();
    e.collectionId = a.collectionId();
    e.schoolCode = a.schoolCode();
    e.action = a.action();
    e.actorId = a.actorId();
    e.actorName = a.actorName();
    e.reasons = a.reasons().isEmpty() ? null : JsonColumns.write(a.reasons());
    e.note = a.note();
    e.occurredAt = a.at();
    return e.persist().replaceWithVoid();
  }

  @Override
  public Uni<List<AuditEntry>> ofTask(UUID taskId) {
    return AuditEntryEntity.<AuditEntryEntity>find("taskId", ORDER, taskId)
        .list()
        .map(l -> l.stream().map(PanacheAuditTrail::toDomain).toList());
  }

  @Override
  public Uni<List<AuditEntry>> ofCollection(UUID collectionId) {
    return AuditEntryEntity.<AuditEntryEntity>find("collectionId", ORDER, collectionId)
        .list()
        .map(l -> l.stream().map(PanacheAuditTrail::toDomain).toList());
  }

  private static AuditEntry toDomain(AuditEntryEntity e) {
    return new AuditEntry(
        e.id,
        e.taskId,
        e.collectionId,
        e.schoolCode,
        e.action,
        e.actorId,
        e.actorName,
        JsonColumns.reasons(e.reasons),
        e.note,
        e.occurredAt);
  }
}
