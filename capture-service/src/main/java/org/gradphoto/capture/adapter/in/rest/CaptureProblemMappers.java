package org.gradphoto.capture.adapter.in.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.gradphoto.kernel.web.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The answers the kernel's mappers cannot give: an upload cut short, and a wrong request content
 * type explained in Chinese (the student's app sent something other than a multipart upload).
 * Capture's own refusals are worded in {@link CaptureRefusals}.
 */
public class CaptureProblemMappers {

  /**
   * Reading the request failed (a multipart body cut short by a dropped connection, or no body at
   * all): the student's side, not ours, so no incident.
   */
  @ServerExceptionMapper
  public Response unreadableUpload(IOException e, HttpServerRequest request) {
    return problem(
        400, "UPLOAD_INCOMPLETE", "Incomplete upload", "上传的内容不完整（可能网络中断了），请重新上传照片。", request);
  }

  @ServerExceptionMapper
  public Response unsupported(NotSupportedException e, HttpServerRequest request) {
    return problem(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        "Unsupported media type",
        "请求的内容类型不对：上传照片请用 multipart/form-data（照片放在 photo 字段），其他请求请用 application/json。",
        request);
  }

  private static Response problem(
      int status, String code, String title, String detail, HttpServerRequest request) {
    Problem p = Problem.of(status, code, title, detail, request.path(), List.of(), Map.of());
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
  }
}
