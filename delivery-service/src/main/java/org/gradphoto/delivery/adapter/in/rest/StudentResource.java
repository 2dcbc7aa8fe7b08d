package org.gradphoto.delivery.adapter.in.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gradphoto.delivery.application.port.in.NotificationConsentUseCase;
import org.gradphoto.delivery.application.port.in.StudentDownloadsUseCase;
import org.gradphoto.delivery.application.port.in.StudentDownloadsUseCase.CollectionView;
import org.gradphoto.delivery.application.port.in.StudentDownloadsUseCase.DownloadLink;
import org.gradphoto.delivery.domain.NotificationConsent;
import org.gradphoto.delivery.domain.SheetSize;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.security.Actors;

/** The student's own downloads (下载图片) and their notification authorisation. */
@Path("/students/me")
@RolesAllowed("student")
@Produces(MediaType.APPLICATION_JSON)
class StudentResource {
  private final StudentDownloadsUseCase downloads;
  private final NotificationConsentUseCase consents;
  private final SecurityIdentity identity;

  StudentResource(
      StudentDownloadsUseCase downloads,
      NotificationConsentUseCase consents,
      SecurityIdentity identity) {
    this.downloads = downloads;
    this.consents = consents;
    this.identity = identity;
  }

  /** A collection, its status (采集完成, 上网中, …) and which layout sheets exist. */
  record CollectionResponse(
      UUID collectionId,
      UUID batchId,
      String batchName,
      String schoolCode,
      String schoolName,
      String specProfile,
      String status,
      String statusLabel,
      Instant completedAt,
      Instant deliveredAt,
      boolean downloadable,
      List<String> layoutSheets) {
    static CollectionResponse of(CollectionView v) {
      return new CollectionResponse(
          v.collectionId(),
          v.batchId(),
          v.batchName(),
          v.schoolCode(),
          v.schoolName(),
          v.specProfile(),
          v.status().name(),
          v.status().label(),
          v.completedAt(),
          v.deliveredAt(),
          v.status().hasStandardPhoto(),
          v.layoutSheets());
    }
  }

  record DownloadResponse(String url, String fileName, Instant expiresAt) {
    static DownloadResponse of(DownloadLink l) {
      return new DownloadResponse(l.url(), l.fileName(), l.expiresAt());
    }
  }

  record ConsentRequest(@NotNull Boolean accepted) {}

  record ConsentResponse(
      boolean authorised, int available, int accepted, int declined, Instant decidedAt) {
    static ConsentResponse of(NotificationConsent c) {
      return new ConsentResponse(
          c.mayNotify(), c.available(), c.accepted(), c.declined(), c.decidedAt());
    }
  }

  @GET
  @Path("/collections")
  public Uni<List<CollectionResponse>> collections() {
    return downloads
        .collectionsOf(student())
        .map(l -> l.stream().map(CollectionResponse::of).toList());
  }

  @GET
  @Path("/collections/{collectionId}/downloads/standard-photo")
  public Uni<DownloadResponse> standardPhoto(@PathParam("collectionId") String collectionId) {
    return downloads
        .standardPhoto(student(), Params.id("collectionId", collectionId))
        .map(DownloadResponse::of);
  }

  @GET
  @Path("/collections/{collectionId}/downloads/layout-sheet")
  public Uni<DownloadResponse> layoutSheet(
      @PathParam("collectionId") String collectionId, @QueryParam("sheet") String sheet) {
    SheetSize size =
        sheet == null || sheet.isBlank()
            ? SheetSize.defaultSheet()
            : SheetSize.byId(sheet)
                .orElseThrow(
                    () -> ProblemException.invalidField("sheet", "排版纸可选 6-inch、5-inch 或 a4。"));
    return downloads
        .layoutSheet(student(), Params.id("collectionId", collectionId), size)
        .map(DownloadResponse::of);
  }

  @GET
  @Path("/notification-consent")
  public Uni<ConsentResponse> consent() {
    return consents.of(student()).map(ConsentResponse::of);
  }

  /**
   * The answer to wx.requestSubscribeMessage: each "accept" allows one message. The openid is taken
   * from the token (claim {@code openid}) when identity-service puts it there, never from the
   * request body.
   */
  @POST
  @Path("/notification-consent")
  public Uni<ConsentResponse> decide(@Valid @NotNull ConsentRequest request) {
    String openId = null;
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      openId = jwt.getClaim("openid");
    }
    return consents.decide(student(), openId, request.accepted()).map(ConsentResponse::of);
  }

  private UUID student() {
    return Params.id("sub", Actors.of(identity).id());
  }
}
