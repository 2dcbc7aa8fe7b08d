package org.gradphoto.delivery.adapter.in.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gradphoto.delivery.application.port.in.SchoolPackageUseCase;
import org.gradphoto.delivery.domain.MissingStudent;
import org.gradphoto.delivery.domain.NamingConvention;
import org.gradphoto.delivery.domain.SchoolPackage;
import org.gradphoto.kernel.security.Actor;
import org.gradphoto.kernel.security.Actors;

/**
 * School packages for school admins (their schools) and operators (every school); read-only school
 * accounts follow and download them (requesting one stays with admins: the core refuses it).
 */
@Path("/")
@RolesAllowed({Actor.SCHOOL_ADMIN, Actor.SCHOOL_VIEWER, Actor.OPERATOR})
@Produces(MediaType.APPLICATION_JSON)
class SchoolPackageResource {
  private final SchoolPackageUseCase packages;
  private final SecurityIdentity identity;

  SchoolPackageResource(SchoolPackageUseCase packages, SecurityIdentity identity) {
    this.packages = packages;
    this.identity = identity;
  }

  /** How the photos are named; ID number (what CHSI's import expects) when absent. */
  record PackageRequest(NamingConvention naming) {}

  record PackageResponse(
      UUID packageId,
      String schoolCode,
      UUID batchId,
      NamingConvention naming,
      String status,
      Instant requestedAt,
      String fileName,
      int photoCount,
      int missingCount,
      long sizeBytes,
      String sha256,
      Instant readyAt,
      String failure) {
    static PackageResponse of(SchoolPackage p) {
      return new PackageResponse(
          p.packageId(),
          p.schoolCode(),
          p.batchId(),
          p.naming(),
          p.status().name(),
          p.requestedAt(),
          p.fileName(),
          p.photoCount(),
          p.missingCount(),
          p.sizeBytes(),
          p.sha256(),
          p.readyAt(),
          p.failure());
    }
  }

  record MissingResponse(
      UUID collectionId,
      String studentNumber,
      String studentName,
      String idNumberMasked,
      String status,
      String statusLabel) {
    static MissingResponse of(MissingStudent m) {
      return new MissingResponse(
          m.collectionId(),
          m.studentNumber(),
          m.studentName(),
          m.idNumberMasked(),
          m.status().name(),
          m.status().label());
    }
  }

  record LinkResponse(String url, String fileName, Instant expiresAt) {}

  @POST
  @Path("/schools/{schoolCode}/batches/{batchId}/packages")
  public Uni<Response> request(
      @PathParam("schoolCode") String schoolCode,
      @PathParam("batchId") String batchId,
      PackageRequest request) {
    NamingConvention naming =
        request == null || request.naming() == null ? NamingConvention.ID_NUMBER : request.naming();
    return packages
        .request(actor(), Params.school(schoolCode), Params.id("batchId", batchId), naming)
        .map(p -> Response.accepted(PackageResponse.of(p)).build());
  }

  @GET
  @Path("/schools/{schoolCode}/batches/{batchId}/packages")
  public Uni<List<PackageResponse>> list(
      @PathParam("schoolCode") String schoolCode, @PathParam("batchId") String batchId) {
    return packages
        .ofBatch(actor(), Params.school(schoolCode), Params.id("batchId", batchId))
        .map(l -> l.stream().map(PackageResponse::of).toList());
  }

  @GET
  @Path("/schools/{schoolCode}/batches/{batchId}/missing-students")
  public Uni<List<MissingResponse>> missing(
      @PathParam("schoolCode") String schoolCode, @PathParam("batchId") String batchId) {
    return packages
        .missing(actor(), Params.school(schoolCode), Params.id("batchId", batchId))
        .map(l -> l.stream().map(MissingResponse::of).toList());
  }

  @GET
  @Path("/packages/{packageId}")
  public Uni<PackageResponse> get(@PathParam("packageId") String packageId) {
    return packages.get(actor(), Params.id("packageId", packageId)).map(PackageResponse::of);
  }

  @GET
  @Path("/packages/{packageId}/download")
  public Uni<LinkResponse> download(@PathParam("packageId") String packageId) {
    return packages
        .download(actor(), Params.id("packageId", packageId))
        .map(l -> new LinkResponse(l.url(), l.fileName(), l.expiresAt()));
  }

  private Actor actor() {
    return Actors.of(identity);
  }
}
