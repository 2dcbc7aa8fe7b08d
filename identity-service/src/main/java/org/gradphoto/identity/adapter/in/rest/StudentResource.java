package org.gradphoto.identity.adapter.in.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.gradphoto.identity.application.port.in.CollectionsQuery;
import org.gradphoto.identity.application.port.in.CollectionsQuery.CollectionView;
import org.gradphoto.identity.application.port.in.EligibilityUseCase;
import org.gradphoto.identity.application.port.in.EligibilityUseCase.ByChsiCode;
import org.gradphoto.identity.application.port.in.EligibilityUseCase.ByIdAndPhone;
import org.gradphoto.identity.application.port.in.EligibilityUseCase.BySchool;
import org.gradphoto.identity.application.port.in.EligibilityUseCase.Confirmation;
import org.gradphoto.identity.application.port.in.EligibilityUseCase.Granted;
import org.gradphoto.identity.application.port.in.OpenBatchesQuery;
import org.gradphoto.identity.application.port.in.OpenBatchesQuery.OpenBatch;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.web.ClientAddress;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** What a signed-in student does here: get eligibility and see their collections. */
@Path("/")
@RolesAllowed("student")
public class StudentResource {
  private static final long MAX_IMAGE_BYTES = 10_000_000;

  private final EligibilityUseCase eligibility;
  private final CollectionsQuery collections;
  private final OpenBatchesQuery openBatches;
  private final JsonWebToken token;
  private final int clientAddressDepth;

  StudentResource(
      EligibilityUseCase eligibility,
      CollectionsQuery collections,
      OpenBatchesQuery openBatches,
      JsonWebToken token,
      @ConfigProperty(name = ClientAddress.DEPTH) int clientAddressDepth) {
    this.eligibility = eligibility;
    this.collections = collections;
    this.openBatches = openBatches;
    this.token = token;
    this.clientAddressDepth = clientAddressDepth;
  }

  public record ChsiCode(String code) {}

  /** Mode A: 选择所在院校 + 姓名 + 证件号码. */
  @POST
  @Path("eligibility/by-school")
  public Uni<Response> bySchool(BySchool body, HttpServerRequest http) {
    return eligibility
        .bySchoolNameAndId(student(), client(http), body(body))
        .map(StudentResource::granted);
  }

  /** Mode B: 学信网图像采集码 + 证件号码后四位. */
  @POST
  @Path("eligibility/by-chsi-code")
  public Uni<Response> byChsiCode(ByChsiCode body, HttpServerRequest http) {
    return eligibility
        .byChsiCode(student(), client(http), body(body))
        .map(StudentResource::granted);
  }

  /** Mode B, 相册识别: multipart field {@code image} with a picture of the code. */
  @POST
  @Path("eligibility/chsi-code")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Blocking
  public Uni<ChsiCode> decodeChsiCode(@RestForm("image") FileUpload image) {
    student();
    if (image == null || image.size() == 0) {
      throw ProblemException.invalidField("image", "请选择学信网图像采集码的图片");
    }
    if (image.size() > MAX_IMAGE_BYTES) {
      throw ProblemException.invalidField("image", "图片不能超过10MB");
    }
    try {
      return eligibility
          .decodeChsiCode(Files.readAllBytes(image.uploadedFile()))
          .map(ChsiCode::new);
    } catch (IOException e) {
      throw ProblemException.badRequest("UNREADABLE_FILE", "无法读取上传的图片");
    }
  }

  /** Mode C, step 1: 姓名 + 证件类型 + 证件号码 + 微信授权手机号 → 请核对信息. */
  @POST
  @Path("eligibility/matches")
  public Uni<Confirmation> match(ByIdAndPhone body, HttpServerRequest http) {
    return eligibility.match(student(), client(http), body(body));
  }

  /** Mode A, step 1: what would be bound, for 核验学籍信息; binds only on confirm. */
  @POST
  @Path("eligibility/matches/by-school")
  public Uni<Confirmation> matchBySchool(BySchool body, HttpServerRequest http) {
    return eligibility.match(student(), client(http), body(body));
  }

  /** Mode B, step 1: what would be bound, for 核验学籍信息; binds only on confirm. */
  @POST
  @Path("eligibility/matches/by-chsi-code")
  public Uni<Confirmation> matchByChsiCode(ByChsiCode body, HttpServerRequest http) {
    return eligibility.match(student(), client(http), body(body));
  }

  /** Step 2 of every mode: 确认无误. */
  @POST
  @Path("eligibility/matches/{id}/confirm")
  public Uni<Response> confirm(@PathParam("id") UUID matchId) {
    return eligibility.confirm(student(), matchId).map(StudentResource::granted);
  }

  /** Before eligibility: the school's batches still open for sign-up, with their notice. */
  @GET
  @Path("schools/{code}/open-batches")
  public Uni<List<OpenBatch>> openBatches(@PathParam("code") String schoolCode) {
    student();
    return openBatches.openOf(schoolCode);
  }

  /** 采集列表. */
  @GET
  @Path("students/me/collections")
  public Uni<List<CollectionView>> myCollections() {
    return collections.mine(student());
  }

  /** 采集详情. */
  @GET
  @Path("students/me/collections/{id}")
  public Uni<CollectionView> myCollection(@PathParam("id") UUID collectionId) {
    return collections.mine(student(), collectionId);
  }

  private static Response granted(Granted g) {
    return Response.status(g.created() ? 201 : 200).entity(g.collection()).build();
  }

  private UUID student() {
    try {
      return UUID.fromString(token.getSubject());
    } catch (RuntimeException e) {
      throw ProblemException.forbidden("NOT_A_STUDENT", "请使用学生账号登录");
    }
  }

  /**
   * The caller's address for the per-client budget: the X-Forwarded-For entry the platform's own
   * proxies wrote, never one the caller wrote itself (ClientAddress).
   */
  private String client(HttpServerRequest http) {
    return ClientAddress.of(http, clientAddressDepth);
  }

  private static <T> T body(T body) {
    if (body == null) {
      throw ProblemException.badRequest("INVALID_INPUT", "请求内容为空");
    }
    return body;
  }
}
