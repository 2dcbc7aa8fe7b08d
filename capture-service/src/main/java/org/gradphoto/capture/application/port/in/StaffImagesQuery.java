package org.gradphoto.capture.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.gradphoto.kernel.security.Actor;

/** Review staff read any attempt's images of their schools (operators: of every school). */
public interface StaffImagesQuery {
  Uni<AttemptImages> images(Actor actor, UUID attemptId);
}
