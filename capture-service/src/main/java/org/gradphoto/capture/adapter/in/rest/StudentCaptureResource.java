package org.gradphoto.capture.adapter.in.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gradphoto.capture.application.port.in.AdjustAttemptUseCase;
import org.gradphoto.capture.application.port.in.AttemptQuery;
import org.gradphoto.capture.application.port.in.AttemptView;
import org.gradphoto.capture.application.port.in.CaptureStatusQuery;
import org.gradphoto.capture.application.port.in.CaptureStatusView;
import org.gradphoto.capture.application.port.in.SubmitAttemptUseCase;
import org.gradphoto.capture.application.port.in.UploadPhotoUseCase;
import org.gradphoto.capture.domain.CropHint;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.security.Actor;
import org.gradphoto.kernel.security.Actors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The student's capture API. Uploads are multipart through this service (one request, the form
 * {@code wx.uploadFile} sends); the answer carries the preview and findings.
 */
@Path("/collections")
@RolesAllowed(Actor.STUDENT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "student capture")
public class StudentCaptureResource {
  /** Part types a phone may declare for a photo; the content decides in the end. */
  private static final Set<String> PHOTO_TYPES =
      Set.of(
          "image/jpeg",
          "image/jpg",
          "image/pjpeg",
          "image/png",
          "image/webp",
          "application/octet-stream");

  private final CaptureStatusQuery status;
  private final UploadPhotoUseCase upload;
  private final AttemptQuery attempts;
  private final AdjustAttemptUseCase adjust;
  private final SubmitAttemptUseCase submit;
  private final SecurityIdentity identity;
  private final Vertx vertx;
  private final Timer reading;

  StudentCaptureResource(
      CaptureStatusQuery status,
      UploadPhotoUseCase upload,
      AttemptQuery attempts,
      AdjustAttemptUseCase adjust,
      SubmitAttemptUseCase submit,
      SecurityIdentity identity,
      Vertx vertx,
      MeterRegistry metrics) {
    this.status = status;
    this.upload = upload;
    this.attempts = attempts;
    this.adjust = adjust;
    this.submit = submit;
    this.identity = identity;
    this.vertx = vertx;
    this.reading =
        Timer.builder("capture.stage")
            .description("time of one step of an upload or adjustment")
            .tag("stage", "upload.read")
            .register(metrics);
  }

  @GET
  @Operation(summary = "My collections and what to do next with each")
  public Uni<List<CaptureStatusView>> mine() {
    return status.mine(student());
  }

  @GET
  @Path("/{collectionId}")
  @Operation(summary = "Capture status of one collection: phase and next step (Chinese)")
  public Uni<CaptureStatusView> status(@PathParam("collectionId") String collectionId) {
    return status.status(student(), id("collectionId", collectionId));
  }

  /** The multipart form of an upload. */
  public static class UploadForm {
    @RestForm("photo")
    public FileUpload photo;

    @RestForm public String background;
    @RestForm public Double cropX;
    @RestForm public Double cropY;
    @RestForm public Double cropWidth;
    @RestForm public Double cropHeight;
  }

  @POST
  @Path("/{collectionId}/attempts")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Upload a photo (new attempt)",
      description =
          "multipart/form-data: photo (file), optional background (#RRGGBB) and guide frame"
              + " cropX, cropY, cropWidth, cropHeight (fractions of the upright picture). Send an"
              + " Idempotency-Key header to retry safely. 201 with the preview and findings.")
  public Uni<RestResponse<AttemptView>> upload(
      @PathParam("collectionId") String collectionId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      UploadForm form) {
    UUID student = student();
    UUID collection = id("collectionId", collectionId);
    FileUpload photo = form == null ? null : form.photo;
    if (photo == null) {
      throw ProblemException.badRequest("PHOTO_MISSING", "没有收到照片文件，请在表单字段 photo 中上传照片后重试。");
    }
    String declared =
        photo.contentType() == null ? "" : photo.contentType().toLowerCase(Locale.ROOT);
    String base = declared.split(";")[0].trim();
    if (!base.isEmpty() && !PHOTO_TYPES.contains(base)) {
      throw new ProblemException(
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "Unsupported media type",
          "只能上传 JPG、PNG 或 WebP 格式的照片，收到的文件类型是 " + base + "。");
    }
    Optional<CropHint> hint = hint(form.cropX, form.cropY, form.cropWidth, form.cropHeight);
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
    if (key != null && key.length() > 100) {
      throw ProblemException.invalidField("Idempotency-Key", "Idempotency-Key 不能超过 100 个字符。");
    }
    // The spooled part is read once, straight into the array the engine decodes (no buffer copy).
    Uni<byte[]> bytes =
        photo.size() == 0
            ? Uni.createFrom().item(new byte[0])
            : vertx.executeBlocking(
                () -> {
                  long start = System.nanoTime();
                  try {
                    return Files.readAllBytes(photo.uploadedFile());
                  } finally {
                    reading.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                  }
                },
                false);
    return bytes
        .chain(
            b ->
                upload.upload(
                    new UploadPhotoUseCase.UploadPhotoCommand(
                        student, collection, b, hint, form.background, key)))
        .map(
            view ->
                RestResponse.ResponseBuilder.<AttemptView>create(RestResponse.Status.CREATED)
                    .location(
                        URI.create(
                            "collections/" + view.collectionId() + "/attempts/" + view.attemptId()))
                    .entity(view)
                    .build());
  }

  @GET
  @Path("/{collectionId}/attempts")
  @Operation(summary = "All attempts of the collection, oldest first, with previews")
  public Uni<List<AttemptView>> attempts(@PathParam("collectionId") String collectionId) {
    return attempts.attempts(student(), id("collectionId", collectionId));
  }

  @GET
  @Path("/{collectionId}/attempts/{attemptId}")
  @Operation(summary = "Preview of one attempt: standardized photo URL, findings, guide lines")
  public Uni<AttemptView> attempt(
      @PathParam("collectionId") String collectionId, @PathParam("attemptId") String attemptId) {
    return attempts.attempt(
        student(), id("collectionId", collectionId), id("attemptId", attemptId));
  }

  /** A new guide frame and/or background colour for an attempt. */
  public record AdjustRequest(CropHintBody cropHint, String background) {}

  /** The guide frame as fractions of the upright picture. */
  public record CropHintBody(Double x, Double y, Double width, Double height) {}

  @POST
  @Path("/{collectionId}/attempts/{attemptId}/adjustments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Re-render an attempt with another guide frame or background colour")
  public Uni<AttemptView> adjust(
      @PathParam("collectionId") String collectionId,
      @PathParam("attemptId") String attemptId,
      AdjustRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("NOTHING_TO_ADJUST", "请给出新的取景框（cropHint）或背景色（background）。");
    }
    CropHintBody h = request.cropHint();
    Optional<CropHint> hint =
        h == null ? Optional.empty() : hint(h.x(), h.y(), h.width(), h.height());
    if (h != null && hint.isEmpty()) {
      throw ProblemException.invalidField("cropHint", "取景框需要 x、y、width、height 四个值。");
    }
    Optional<String> background =
        Optional.ofNullable(request.background()).filter(b -> !b.isBlank());
    return adjust.adjust(
        new AdjustAttemptUseCase.AdjustAttemptCommand(
            student(),
            id("collectionId", collectionId),
            id("attemptId", attemptId),
            hint,
            background));
  }

  @POST
  @Path("/{collectionId}/attempts/{attemptId}/submit")
  @Operation(summary = "Submit this attempt for review (emits PhotoSubmitted)")
  public Uni<CaptureStatusView> submit(
      @PathParam("collectionId") String collectionId, @PathParam("attemptId") String attemptId) {
    return submit.submit(student(), id("collectionId", collectionId), id("attemptId", attemptId));
  }

  private static Optional<CropHint> hint(Double x, Double y, Double w, Double h) {
    if (x == null && y == null && w == null && h == null) {
      return Optional.empty();
    }
    if (x == null || y == null || w == null || h == null) {
      throw ProblemException.invalidField(
          "cropHint", "取景框需要同时给出 cropX、cropY、cropWidth、cropHeight 四个值。");
    }
    return Optional.of(new CropHint(x, y, w, h));
  }

  private UUID student() {
    return UUID.fromString(Actors.of(identity).id());
  }

  static UUID id(String field, String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("NOT_FOUND", "链接中的编号无效（" + field + "），请返回重新进入。");
    }
  }
}
