package org.gradphoto.delivery.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.delivery.application.port.in.NotificationHistoryUseCase;
import org.gradphoto.delivery.domain.NotificationAttempt;
import org.gradphoto.kernel.security.Actor;

/** Operators answering "did I get told?": every attempt for a collection. */
@Path("/collections/{collectionId}/notifications")
@RolesAllowed(Actor.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
class NotificationHistoryResource {
  private final NotificationHistoryUseCase history;

  NotificationHistoryResource(NotificationHistoryUseCase history) {
    this.history = history;
  }

  record AttemptResponse(
      UUID attemptId,
      UUID eventId,
      String kind,
      String channel,
      String outcome,
      String detail,
      Instant attemptedAt) {
    static AttemptResponse of(NotificationAttempt a) {
      return new AttemptResponse(
          a.attemptId(),
          a.eventId(),
          a.kind().name(),
          a.channel(),
          a.outcome().name(),
          a.detail(),
          a.attemptedAt());
    }
  }

  @GET
  public Uni<List<AttemptResponse>> attempts(@PathParam("collectionId") String collectionId) {
    return history
        .attempts(Params.id("collectionId", collectionId))
        .map(l -> l.stream().map(AttemptResponse::of).toList());
  }
}
