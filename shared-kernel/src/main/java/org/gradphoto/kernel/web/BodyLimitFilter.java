package org.gradphoto.kernel.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a request whose body is larger than its route allows ({@link BodyLimits}): one that
 * declares its length is answered 413 before a byte of the body is read; one without a length
 * (chunked, HTTP/2) is read by a body handler that stops at the route's limit (413) instead of at
 * the server-wide {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class BodyLimitFilter {
  /** Before Quarkus REST and every other route reads the body. */
  static final int ORDER = Integer.MIN_VALUE + 100;

  private record Rule(Pattern path, String method, long max) {}

  private static final Set<HttpMethod> WITHOUT_BODY =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.DELETE);

  private final List<Rule> rules;
  private final long defaultMax;
  private final Map<Long, BodyHandler> bodyHandlers = new ConcurrentHashMap<>();

  BodyLimitFilter(BodyLimits limits) {
    this.defaultMax = limits.defaultMax().asLongValue();
    this.rules =
        limits.routes().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                e ->
                    new Rule(
                        Pattern.compile(e.getValue().path()),
                        e.getValue().method().orElse(null),
                        e.getValue().max().asLongValue()))
            .toList();
  }

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::check);
  }

  /** The largest body this method and path may carry. */
  long limitFor(HttpMethod method, String path) {
    for (Rule r : rules) {
      if ((r.method() == null || r.method().equalsIgnoreCase(method.name()))
          && r.path().matcher(path).matches()) {
        return r.max();
      }
    }
    return defaultMax;
  }

  private void check(RoutingContext ctx) {
    var request = ctx.request();
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null && WITHOUT_BODY.contains(request.method())) {
      ctx.next();
      return;
    }
    long max = limitFor(request.method(), ctx.normalizedPath());
    if (length == null) {
      // Quarkus's own body handler sees this one has run and does not read the body again.
      bodyHandlers.computeIfAbsent(max, BodyLimitFilter::bodyHandler).handle(ctx);
      return;
    }
    long declared;
    try {
      declared = Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      refuse(ctx, 400, "INVALID_CONTENT_LENGTH", "Bad request", "请求的 Content-Length 无效");
      return;
    }
    if (declared > max) {
      refuse(
          ctx,
          413,
          "BODY_TOO_LARGE",
          "Content too large",
          "请求内容过大（此接口最多 " + human(max) + "），请缩小文件后重试");
      return;
    }
    ctx.next();
  }

  /** Like the server's body handler (quarkus.http.body.*), but stopping at {@code max}. */
  private static BodyHandler bodyHandler(long max) {
    Config config = ConfigProvider.getConfig();
    return BodyHandler.create()
        .setBodyLimit(max)
        .setHandleFileUploads(flag(config, "quarkus.http.body.handle-file-uploads", true))
        .setUploadsDirectory(
            config
                .getOptionalValue("quarkus.http.body.uploads-directory", String.class)
                .orElse("file-uploads"))
        .setDeleteUploadedFilesOnEnd(
            flag(config, "quarkus.http.body.delete-uploaded-files-on-end", true))
        .setMergeFormAttributes(flag(config, "quarkus.http.body.merge-form-attributes", true));
  }

  private static boolean flag(Config config, String key, boolean otherwise) {
    return config.getOptionalValue(key, Boolean.class).orElse(otherwise);
  }

  private static void refuse(RoutingContext ctx, int status, String code, String title, String d) {
    Problem p = Problem.of(status, code, title, d, ctx.normalizedPath(), List.of(), Map.of());
    // The body is never read: close the connection instead of draining what the client sends.
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE + ";charset=UTF-8")
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(Json.encode(p));
  }

  private static String human(long bytes) {
    if (bytes >= 1024 * 1024) {
      return (bytes / (1024 * 1024)) + " MB";
    }
    return bytes >= 1024 ? (bytes / 1024) + " KB" : bytes + " 字节";
  }
}
