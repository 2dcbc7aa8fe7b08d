package org.gradphoto.identity.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.identity.domain.Batch;

public interface BatchRepository {
  Uni<Batch> save(Batch batch);

  Uni<Optional<Batch>> find(UUID id);

  Uni<List<Batch>> ofSchool(String schoolCode);
}
