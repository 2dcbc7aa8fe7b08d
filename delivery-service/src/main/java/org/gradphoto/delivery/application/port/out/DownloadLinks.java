package org.gradphoto.delivery.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.gradphoto.delivery.application.port.in.StudentDownloadsUseCase.DownloadLink;

/** Presigned, short-lived GET links to files in delivery's bucket. */
public interface DownloadLinks {
  /**
   * @param fileName the name the browser saves it as (Content-Disposition)
   * @param asciiFallback the same for clients that cannot read an encoded name
   */
  Uni<DownloadLink> link(
      String key, String fileName, String asciiFallback, String contentType, Duration ttl);
}
