package org.gradphoto.kernel.error;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, rendered by every service as RFC 9457 problem+json. {@code code}
 * is stable and machine-readable; {@code detail} is the sentence a person reads (in Chinese where a
 * student sees it).
 */
public class ProblemException extends RuntimeException {
  private final int status;
  private final String code;
  private final String title;
  private final List<FieldError> errors;
  private final Map<String, Object> extensions;

  public ProblemException(int status, String code, String title, String detail) {
    this(status, code, title, detail, List.of(), Map.of());
  }

  public ProblemException(
      int status,
      String code,
      String title,
      String detail,
      List<FieldError> errors,
      Map<String, Object> extensions) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.extensions = Map.copyOf(extensions);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }

  /** One invalid input field: its name and what is wrong with it. */
  public record FieldError(String field, String message) {}

  public static ProblemException badRequest(String code, String detail) {
    return new ProblemException(400, code, "Bad request", detail);
  }

  public static ProblemException invalidField(String field, String detail) {
    return new ProblemException(
        400,
        "INVALID_INPUT",
        "Invalid input",
        detail,
        List.of(new FieldError(field, detail)),
        Map.of());
  }

  public static ProblemException notFound(String code, String detail) {
    return new ProblemException(404, code, "Not found", detail);
  }

  public static ProblemException conflict(String code, String detail) {
    return new ProblemException(409, code, "Conflict", detail);
  }

  public static ProblemException forbidden(String code, String detail) {
    return new ProblemException(403, code, "Forbidden", detail);
  }

  /**
   * What a read-only school account gets for anything but reading its schools' batches, roster,
   * progress and packages: the same code and words from every service.
   */
  public static ProblemException readOnlyAccount() {
    return forbidden(
        "READ_ONLY_ACCOUNT",
        "学校只读账号只能查看本校的批次、名单、进度和照片包，不能修改或生成；如需操作请联系学校管理员"
            + " / a read-only school account cannot change anything");
  }

  public static ProblemException unprocessable(String code, String detail) {
    return new ProblemException(422, code, "Unprocessable content", detail);
  }
}
