package org.gradphoto.kernel.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gradphoto.kernel.error.Failures;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.logging.Redacted;
import org.gradphoto.kernel.security.Actor;
import org.gradphoto.kernel.storage.StorageUnavailable;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where every service turns failures into {@code application/problem+json}. A server
 * error is logged with an incident id and answered without internals.
 */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response problem(ProblemException e, HttpServerRequest request) {
    return render(e, request);
  }

  /**
   * The problem+json answer for a problem; a service's inbound adapter uses it for the problems it
   * words from its own domain refusals.
   */
  public static Response render(ProblemException e, HttpServerRequest request) {
    return respond(
        Problem.of(
            e.status(),
            e.code(),
            e.title(),
            e.detail(),
            request.path(),
            e.errors(),
            e.extensions()));
  }

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
    List<ProblemException.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new ProblemException.FieldError(fieldName(v), v.getMessage()))
            .sorted(Comparator.comparing(ProblemException.FieldError::field))
            .toList();
    String detail =
        errors.stream()
            .map(f -> f.field() + ": " + f.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid input");
    return respond(
        Problem.of(
            400, "INVALID_INPUT", "Invalid input", detail, request.path(), errors, Map.of()));
  }

  @ServerExceptionMapper
  public Response unreadable(JsonProcessingException e, HttpServerRequest request) {
    return respond(
        Problem.of(
            400,
            "MALFORMED_JSON",
            "Malformed request body",
            "请求内容不是有效的 JSON / the request body is not valid JSON",
            request.path(),
            List.of(),
            Map.of()));
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e, HttpServerRequest request) {
    return respond(
        Problem.of(
            401,
            "UNAUTHENTICATED",
            "Not signed in",
            "请先登录 / sign in first",
            request.path(),
            List.of(),
            Map.of()));
  }

  @ServerExceptionMapper
  public Response forbidden(
      ForbiddenException e, ContainerRequestContext context, HttpServerRequest request) {
    if (readOnlySchoolAccount(context.getSecurityContext())) {
      // The role check refused a read-only school account: say why, not just "forbidden".
      return render(ProblemException.readOnlyAccount(), request);
    }
    return respond(
        Problem.of(
            403,
            "FORBIDDEN",
            "Forbidden",
            "没有权限执行此操作 / you are not allowed to do this",
            request.path(),
            List.of(),
            Map.of()));
  }

  private static boolean readOnlySchoolAccount(SecurityContext security) {
    return security != null
        && security.isUserInRole(Actor.SCHOOL_VIEWER)
        && !security.isUserInRole(Actor.SCHOOL_ADMIN)
        && !security.isUserInRole(Actor.REVIEWER)
        && !security.isUserInRole(Actor.OPERATOR);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, HttpServerRequest request) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return serverError(e, request);
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    String code = known == null ? "HTTP_" + status : known.name();
    return respond(Problem.of(status, code, title, title, request.path(), List.of(), Map.of()));
  }

  /**
   * The object store is down or too slow: the client may try the same again shortly, so 503 with
   * {@code Retry-After}, and no incident (the store's own monitoring tells that story).
   */
  @ServerExceptionMapper
  public Response storageUnavailable(StorageUnavailable e, HttpServerRequest request) {
    long seconds = Math.max(1, e.retryAfter().toSeconds());
    Log.warnf(
        "object store unavailable on %s %s: %s",
        request.method(), request.path(), Redacted.describe(e));
    return retryLater(
        "STORAGE_UNAVAILABLE",
        "Storage unavailable",
        "照片存储暂时无法访问，刚才的操作没有完成，也没有保存，请 " + seconds + " 秒后重试。",
        seconds,
        request);
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e, HttpServerRequest request) {
    return Failures.isTransient(e) ? unavailable(e, request) : serverError(e, request);
  }

  /** Seconds a client waits before asking again while the database or a peer is away. */
  static final long RETRY_AFTER_SECONDS = 5;

  /**
   * The database (or another store) cannot be reached, or a transaction lost a race: nothing is
   * wrong with the request, and the same request is likely to succeed in a few seconds (a restart
   * or failover). 503 with {@code Retry-After}, as for the object store, so that a phone asks again
   * instead of showing "something went wrong". A transaction that failed so was rolled back.
   */
  private static Response unavailable(Exception e, HttpServerRequest request) {
    Log.warnf(
        "temporarily unavailable on %s %s: %s",
        request.method(), request.path(), Redacted.describe(e));
    return retryLater(
        "TEMPORARILY_UNAVAILABLE",
        "Temporarily unavailable",
        "系统暂时繁忙，刚才的操作没有完成，请 " + RETRY_AFTER_SECONDS + " 秒后重试。",
        RETRY_AFTER_SECONDS,
        request);
  }

  /** 503 with {@code Retry-After} (header and extension): ask again in that many seconds. */
  private static Response retryLater(
      String code, String title, String detail, long seconds, HttpServerRequest request) {
    Problem p =
        Problem.of(
            503,
            code,
            title,
            detail,
            request.path(),
            List.of(),
            Map.of("retryAfterSeconds", seconds));
    return Response.status(503)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", seconds)
        .entity(p)
        .build();
  }

  private Response serverError(Exception e, HttpServerRequest request) {
    String incident = UUID.randomUUID().toString();
    // Without messages: a driver quotes the failing values (student numbers, names).
    Log.errorf(Redacted.of(e), "incident %s on %s %s", incident, request.method(), request.path());
    return respond(
        Problem.of(
            500,
            "INTERNAL_ERROR",
            "Internal error",
            "服务暂时出错，请稍后重试 / something went wrong on our side, please retry",
            request.path(),
            List.of(),
            Map.of("incident", incident)));
  }

  private static String fieldName(ConstraintViolation<?> v) {
    // "method.arg0.field" → "field": the caller knows its fields, not our parameter names.
    String path = v.getPropertyPath().toString();
    int dot = path.indexOf('.');
    int second = dot < 0 ? -1 : path.indexOf('.', dot + 1);
    return second < 0 ? path : path.substring(second + 1);
  }

  private static Response respond(Problem p) {
    return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
  }
}
