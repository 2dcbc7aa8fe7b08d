package org.gradphoto.capture.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;
import org.gradphoto.capture.domain.CropHint;

/**
 * A student uploads a photo (a new attempt); it is checked, stored and standardized, and the answer
 * carries the preview and findings. Refused with nothing stored when capture is not open or the
 * bytes are not a usable photo; a retry with the same {@code clientKey} returns the first answer
 * instead of a second attempt.
 */
public interface UploadPhotoUseCase {
  Uni<AttemptView> upload(UploadPhotoCommand command);

  record UploadPhotoCommand(
      UUID studentId,
      UUID collectionId,
      byte[] photo,
      Optional<CropHint> cropHint,
      String background,
      String clientKey) {}
}
