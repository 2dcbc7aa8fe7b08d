package org.gradphoto.capture.adapter.in.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gradphoto.capture.application.port.in.AttemptImages;
import org.gradphoto.capture.application.port.in.StaffImagesQuery;
import org.gradphoto.kernel.security.Actor;
import org.gradphoto.kernel.security.Actors;

/** What the review console reads (through the gateway at /api/capture/staff/...). */
@Path("/staff/attempts")
@RolesAllowed({Actor.REVIEWER, Actor.SCHOOL_ADMIN, Actor.OPERATOR})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "staff")
public class StaffImagesResource {
  private final StaffImagesQuery images;
  private final SecurityIdentity identity;

  StaffImagesResource(StaffImagesQuery images, SecurityIdentity identity) {
    this.images = images;
    this.identity = identity;
  }

  @GET
  @Path("/{attemptId}/images")
  @Operation(
      summary = "Short-lived GET URLs of an attempt's standardized, original and cut-out images")
  public Uni<AttemptImages> images(@PathParam("attemptId") String attemptId) {
    return images.images(Actors.of(identity), StudentCaptureResource.id("attemptId", attemptId));
  }
}
