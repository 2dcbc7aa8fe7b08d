package org.gradphoto.identity.adapter.in.rest;

import io.quarkus.logging.Log;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gradphoto.identity.application.port.in.BatchesUseCase;
import org.gradphoto.identity.application.port.in.RosterUseCase;
import org.gradphoto.identity.application.port.in.SchoolsUseCase;
import org.gradphoto.identity.domain.Batch;
import org.gradphoto.identity.domain.CollectionWindow;
import org.gradphoto.identity.domain.EligibilityMode;
import org.gradphoto.identity.domain.IdentityRefusal;
import org.gradphoto.identity.domain.PaymentPolicy;
import org.gradphoto.identity.domain.RosterColumn;
import org.gradphoto.identity.domain.School;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.security.Actor;
import org.gradphoto.kernel.security.Actors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** School administration: schools, batches and rosters (Keycloak staff tokens). */
@Path("/")
public class StaffResource {
  private static final String ADMIN = "school-admin";
  private static final String VIEWER = Actor.SCHOOL_VIEWER;
  private static final String OPERATOR = "operator";

  private final SchoolsUseCase schools;
  private final BatchesUseCase batches;
  private final RosterUseCase roster;
  private final SecurityIdentity identity;

  StaffResource(
      SchoolsUseCase schools,
      BatchesUseCase batches,
      RosterUseCase roster,
      SecurityIdentity identity) {
    this.schools = schools;
    this.batches = batches;
    this.roster = roster;
    this.identity = identity;
  }

  public record SchoolBody(String code, String name) {}

  /**
   * A batch as staff write and read it. Times are instants (ISO-8601, e.g. {@code
   * 2026-06-08T16:00:00Z} for 6月9日 00:00 Beijing time). {@code opensAt}/{@code closesAt} are the
   * shooting window; {@code signUpOpensAt}/{@code signUpClosesAt} when students may get eligibility
   * and pay (absent: the shooting window). Blank texts mean none: the app then says so generically
   * (a missing {@code supportPhone} reads 请联系学校).
   */
  public record BatchBody(
      UUID id,
      String schoolCode,
      String name,
      Instant opensAt,
      Instant closesAt,
      Long priceFen,
      String paymentPolicy,
      String specProfile,
      Set<String> eligibilityModes,
      String reviewPromise,
      String serviceDescription,
      String shootingRequirements,
      Boolean allowSubmitWithFindings,
      List<String> backgroundColours,
      Long uploadMinBytes,
      Long uploadMaxBytes,
      Instant signUpOpensAt,
      Instant signUpClosesAt,
      String notice,
      String reviewPromiseText,
      String supportPhone,
      String supportHours) {

    static BatchBody of(Batch b) {
      return new BatchBody(
          b.id(),
          b.schoolCode(),
          b.name(),
          b.window().opensAt(),
          b.window().closesAt(),
          b.priceFen(),
          b.paymentPolicy().name(),
          b.specProfile(),
          b.modes().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()),
          b.reviewPromise(),
          b.serviceDescription(),
          b.shootingRequirements(),
          b.allowSubmitWithFindings(),
          b.backgroundColours(),
          b.uploadMinBytes(),
          b.uploadMaxBytes(),
          b.signUp().opensAt(),
          b.signUp().closesAt(),
          b.notice(),
          b.reviewPromiseText(),
          b.supportPhone(),
          b.supportHours());
    }

    Batch toDomain(String school) {
      try {
        if (opensAt == null || closesAt == null) {
          throw ProblemException.invalidField("opensAt", "请填写开通时间");
        }
        if (priceFen == null) {
          throw ProblemException.invalidField("priceFen", "请填写价格（分）");
        }
        if ((signUpOpensAt == null) != (signUpClosesAt == null)) {
          throw ProblemException.invalidField(
              signUpOpensAt == null ? "signUpOpensAt" : "signUpClosesAt",
              "报名缴费时间要同时填写开始和结束，或都不填（与拍摄时间相同）");
        }
        return new Batch(
            id,
            school,
            name,
            window("opensAt", opensAt, closesAt),
            priceFen,
            PaymentPolicy.valueOf(
                paymentPolicy == null ? "PAY_BEFORE_CAPTURE" : paymentPolicy.strip()),
            specProfile == null ? "chsi-graduation" : specProfile,
            eligibilityModes == null
                ? Set.of()
                : eligibilityModes.stream()
                    .map(EligibilityMode::valueOf)
                    .collect(java.util.stream.Collectors.toSet()),
            reviewPromise == null ? "P2WD" : reviewPromise,
            serviceDescription,
            shootingRequirements,
            allowSubmitWithFindings != null && allowSubmitWithFindings,
            backgroundColours == null ? List.of("blue") : backgroundColours,
            uploadMinBytes == null ? 20_000 : uploadMinBytes,
            uploadMaxBytes == null ? 10_000_000 : uploadMaxBytes,
            signUpOpensAt == null ? null : window("signUpOpensAt", signUpOpensAt, signUpClosesAt),
            notice,
            reviewPromiseText,
            supportPhone,
            supportHours);
      } catch (IllegalArgumentException e) {
        // Only valueOf throws it here: the batch's own rules refuse with an IdentityRefusal.
        throw ProblemException.badRequest(
            "INVALID_INPUT",
            "paymentPolicy 只能是 PAY_BEFORE_CAPTURE 或 PAY_AFTER_REVIEW；eligibilityModes 只能是"
                + " SCHOOL_NAME_ID、CHSI_CODE、ID_AND_PHONE");
      }
    }
  }

  private static CollectionWindow window(String field, Instant opens, Instant closes) {
    try {
      return new CollectionWindow(opens, closes);
    } catch (IdentityRefusal e) {
      // The window does not know which of the batch's windows it is: name the field.
      throw new IdentityRefusal(e.reason(), Map.of("field", field));
    }
  }

  // ------------------------------------------------------------------ schools

  @POST
  @Path("schools")
  @RolesAllowed({ADMIN, OPERATOR})
  public Uni<Response> registerSchool(SchoolBody body) {
    School school = school(body == null ? null : body.code(), body == null ? null : body.name());
    return schools
        .register(actor(), school)
        .map(s -> Response.status(201).entity(new SchoolBody(s.code(), s.name())).build());
  }

  @PUT
  @Path("schools/{code}")
  @RolesAllowed({ADMIN, OPERATOR})
  public Uni<SchoolBody> renameSchool(@PathParam("code") String code, SchoolBody body) {
    return schools
        .register(actor(), school(code, body == null ? null : body.name()))
        .map(s -> new SchoolBody(s.code(), s.name()));
  }

  /** Students search their school by name (mode A); staff use it too. */
  @GET
  @Path("schools")
  @Authenticated
  public Uni<List<SchoolBody>> searchSchools(
      @QueryParam("q") String q, @QueryParam("limit") @DefaultValue("20") int limit) {
    return schools
        .search(q, limit)
        .map(l -> l.stream().map(s -> new SchoolBody(s.code(), s.name())).toList());
  }

  @GET
  @Path("schools/{code}")
  @Authenticated
  public Uni<SchoolBody> school(@PathParam("code") String code) {
    return schools.get(code).map(s -> new SchoolBody(s.code(), s.name()));
  }

  // ------------------------------------------------------------------ batches

  @POST
  @Path("schools/{code}/batches")
  @RolesAllowed({ADMIN, OPERATOR})
  public Uni<Response> createBatch(@PathParam("code") String code, BatchBody body) {
    Batch terms = body(body).toDomain(code);
    return batches
        .create(actor(), terms)
        .map(b -> Response.status(201).entity(BatchBody.of(b)).build());
  }

  @GET
  @Path("schools/{code}/batches")
  @RolesAllowed({ADMIN, VIEWER, OPERATOR})
  public Uni<List<BatchBody>> batchesOf(@PathParam("code") String code) {
    return batches.ofSchool(actor(), code).map(l -> l.stream().map(BatchBody::of).toList());
  }

  @GET
  @Path("batches/{id}")
  @RolesAllowed({ADMIN, VIEWER, OPERATOR})
  public Uni<BatchBody> batch(@PathParam("id") UUID id) {
    return batches.get(actor(), id).map(BatchBody::of);
  }

  @PUT
  @Path("batches/{id}")
  @RolesAllowed({ADMIN, OPERATOR})
  public Uni<BatchBody> updateBatch(@PathParam("id") UUID id, BatchBody body) {
    BatchBody b = body(body);
    if (b.schoolCode() == null) {
      throw ProblemException.invalidField("schoolCode", "请填写院校代码");
    }
    return batches.update(actor(), id, b.toDomain(b.schoolCode())).map(BatchBody::of);
  }

  // ------------------------------------------------------------------ roster

  /**
   * Imports a roster file (multipart field {@code file}; CSV in UTF-8 or XLSX, first sheet) into a
   * batch and answers with a report of every line.
   */
  @POST
  @Path("batches/{id}/roster")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({ADMIN, OPERATOR})
  @Blocking
  public Uni<RosterUseCase.ImportReport> importRoster(
      @PathParam("id") UUID id, @RestForm("file") FileUpload file) {
    if (file == null) {
      throw ProblemException.invalidField("file", "请上传名单文件（CSV 或 XLSX）");
    }
    try {
      long start = System.nanoTime();
      List<Map<RosterColumn, String>> lines =
          RosterFiles.read(file.fileName(), file.uploadedFile());
      Log.infof(
          "roster file of %d bytes read in %d ms: %d lines",
          file.size(), (System.nanoTime() - start) / 1_000_000, lines.size());
      return roster.importRoster(actor(), id, lines);
    } catch (IOException e) {
      throw ProblemException.badRequest("UNREADABLE_FILE", "无法读取上传的文件");
    }
  }

  @GET
  @Path("batches/{id}/roster")
  @RolesAllowed({ADMIN, VIEWER, OPERATOR})
  public Uni<List<RosterUseCase.EntryView>> rosterOf(
      @PathParam("id") UUID id,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("100") int size) {
    return roster.entries(actor(), id, page, size);
  }

  /** Frees a roster entry bound to the wrong WeChat account (operator only). */
  @DELETE
  @Path("roster-entries/{id}/binding")
  @RolesAllowed(OPERATOR)
  public Uni<Response> unbind(@PathParam("id") UUID id) {
    return roster.unbind(actor(), id, null).replaceWith(Response.noContent().build());
  }

  public record UnbindBody(String reason) {}

  /** The same with the reason recorded (the staff console's way); the reason is required. */
  @POST
  @Path("roster-entries/{id}/unbinding")
  @RolesAllowed(OPERATOR)
  public Uni<Response> unbindWithReason(@PathParam("id") UUID id, UnbindBody body) {
    if (body == null || body.reason() == null || body.reason().isBlank()) {
      throw ProblemException.invalidField("reason", "请填写解除绑定的原因");
    }
    return roster.unbind(actor(), id, body.reason()).replaceWith(Response.noContent().build());
  }

  @GET
  @Path("batches/{id}/unbindings")
  @RolesAllowed(OPERATOR)
  public Uni<List<RosterUseCase.Unbinding>> unbindings(@PathParam("id") UUID id) {
    return roster.unbindings(actor(), id);
  }

  private Actor actor() {
    return Actors.of(identity);
  }

  private static BatchBody body(BatchBody body) {
    if (body == null) {
      throw ProblemException.badRequest("INVALID_INPUT", "请求内容为空");
    }
    return body;
  }

  private static School school(String code, String name) {
    try {
      return new School(code, name);
    } catch (IllegalArgumentException e) {
      // SchoolCode's refusal; the name's rule refuses with an IdentityRefusal.
      throw ProblemException.invalidField("code", "院校代码应为5位数字");
    }
  }
}
