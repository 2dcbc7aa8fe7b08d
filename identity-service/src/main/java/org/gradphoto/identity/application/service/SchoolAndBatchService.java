package org.gradphoto.identity.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.gradphoto.identity.application.port.in.BatchesUseCase;
import org.gradphoto.identity.application.port.in.OpenBatchesQuery;
import org.gradphoto.identity.application.port.in.SchoolsUseCase;
import org.gradphoto.identity.application.port.out.BatchRepository;
import org.gradphoto.identity.application.port.out.SchoolRepository;
import org.gradphoto.identity.domain.Batch;
import org.gradphoto.identity.domain.EligibilityMode;
import org.gradphoto.identity.domain.IdentityRefusal;
import org.gradphoto.identity.domain.IdentityRefusal.Reason;
import org.gradphoto.identity.domain.School;
import org.gradphoto.kernel.security.Actor;
import org.gradphoto.kernel.value.Ids;

@ApplicationScoped
class SchoolAndBatchService implements SchoolsUseCase, BatchesUseCase, OpenBatchesQuery {
  private final SchoolRepository schools;
  private final BatchRepository batches;

  SchoolAndBatchService(SchoolRepository schools, BatchRepository batches) {
    this.schools = schools;
    this.batches = batches;
  }

  @Override
  public Uni<School> register(Actor actor, School school) {
    Access.requireSchool(actor, school.code());
    return schools.save(school);
  }

  @Override
  public Uni<School> get(String code) {
    return schools
        .find(code)
        .map(s -> s.orElseThrow(() -> new IdentityRefusal(Reason.NO_SUCH_SCHOOL)));
  }

  @Override
  public Uni<List<School>> search(String text, int limit) {
    String t = text == null ? "" : text.strip();
    return schools.search(t, Math.max(1, Math.min(limit, 50)));
  }

  @Override
  public Uni<Batch> create(Actor actor, Batch terms) {
    Access.requireSchool(actor, terms.schoolCode());
    Batch batch = terms.withId(Ids.newId());
    return get(terms.schoolCode()).chain(() -> batches.save(batch));
  }

  @Override
  public Uni<Batch> update(Actor actor, UUID batchId, Batch terms) {
    return get(actor, batchId)
        .chain(
            existing -> {
              Access.requireSchool(actor, existing.schoolCode());
              if (!existing.schoolCode().equals(terms.schoolCode())) {
                throw new IdentityRefusal(Reason.BATCH_SCHOOL_FIXED);
              }
              return batches.save(terms.withId(batchId));
            });
  }

  @Override
  public Uni<Batch> get(Actor actor, UUID batchId) {
    return batches
        .find(batchId)
        .map(
            b -> {
              Batch batch = b.orElseThrow(() -> new IdentityRefusal(Reason.NO_SUCH_BATCH));
              Access.requireReadSchool(actor, batch.schoolCode());
              return batch;
            });
  }

  @Override
  public Uni<List<Batch>> ofSchool(Actor actor, String schoolCode) {
    Access.requireReadSchool(actor, schoolCode);
    return batches.ofSchool(schoolCode);
  }

  @Override
  public Uni<List<OpenBatch>> openOf(String schoolCode) {
    Instant now = Instant.now();
    return get(schoolCode)
        .chain(
            school ->
                batches
                    .ofSchool(schoolCode)
                    .map(
                        list ->
                            list.stream()
                                .filter(b -> now.isBefore(b.signUp().closesAt()))
                                .sorted(Comparator.comparing(b -> b.signUp().opensAt()))
                                .map(b -> open(b, school.name(), now))
                                .toList()));
  }

  private static OpenBatch open(Batch b, String schoolName, Instant now) {
    return new OpenBatch(
        b.id(),
        b.name(),
        b.schoolCode(),
        schoolName,
        b.notice(),
        Arrays.stream(EligibilityMode.values()).filter(b::offers).map(Enum::name).toList(),
        b.signUp().opensAt(),
        b.signUp().closesAt(),
        b.signUp().describe(),
        b.signUp().contains(now),
        b.window().opensAt(),
        b.window().closesAt(),
        b.window().describe(),
        b.window().contains(now),
        b.priceFen(),
        b.paymentPolicy().name(),
        b.reviewPromiseShown(),
        b.supportPhone(),
        b.supportHours(),
        b.shootingRequirements(),
        b.serviceDescription(),
        b.uploadMinBytes(),
        b.uploadMaxBytes(),
        b.backgroundColours());
  }
}
