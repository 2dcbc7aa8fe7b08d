package org.gradphoto.identity.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import org.gradphoto.identity.domain.School;

public interface SchoolRepository {
  Uni<School> save(School school);

  Uni<Optional<School>> find(String code);

  Uni<List<School>> search(String text, int limit);
}
