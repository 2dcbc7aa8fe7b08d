package org.gradphoto.capture.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.capture.domain.CaptureCollection;

/** The collections capture knows of. Calls run inside the caller's unit of work. */
public interface CollectionRepository {
  Uni<Optional<CaptureCollection>> find(UUID collectionId);

  Uni<List<CaptureCollection>> ofStudent(UUID studentId);

  Uni<Void> save(CaptureCollection collection);
}
