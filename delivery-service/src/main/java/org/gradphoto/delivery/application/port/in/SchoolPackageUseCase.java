package org.gradphoto.delivery.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.gradphoto.delivery.domain.MissingStudent;
import org.gradphoto.delivery.domain.NamingConvention;
import org.gradphoto.delivery.domain.SchoolPackage;
import org.gradphoto.kernel.security.Actor;

/** The school's package of a batch: asked for by a school admin or an operator. */
public interface SchoolPackageUseCase {
  /** Queues a package; answers the pending one if the batch already has one queued. */
  Uni<SchoolPackage> request(Actor actor, String schoolCode, UUID batchId, NamingConvention naming);

  Uni<SchoolPackage> get(Actor actor, UUID packageId);

  Uni<List<SchoolPackage>> ofBatch(Actor actor, String schoolCode, UUID batchId);

  /** A short-lived link to a ready package. */
  Uni<StudentDownloadsUseCase.DownloadLink> download(Actor actor, UUID packageId);

  /** Students of the batch whose photo is not complete yet. */
  Uni<List<MissingStudent>> missing(Actor actor, String schoolCode, UUID batchId);
}
