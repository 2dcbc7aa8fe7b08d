package org.gradphoto.identity.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.gradphoto.identity.domain.Batch;
import org.gradphoto.kernel.security.Actor;

/** Collection batches of a school (dates, price, payment policy, spec, eligibility modes). */
public interface BatchesUseCase {
  /** Opens a batch; the id of {@code terms} is ignored and a new one assigned. */
  Uni<Batch> create(Actor actor, Batch terms);

  /** Changes a batch; collections already granted keep the price they were granted at. */
  Uni<Batch> update(Actor actor, UUID batchId, Batch terms);

  Uni<Batch> get(Actor actor, UUID batchId);

  Uni<List<Batch>> ofSchool(Actor actor, String schoolCode);
}
