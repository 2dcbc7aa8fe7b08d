package org.gradphoto.delivery.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;

/** The packaging worker: builds the oldest queued package, if any. */
public interface BuildPackagesUseCase {
  Uni<Optional<UUID>> buildNext();
}
