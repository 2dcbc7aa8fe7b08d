package org.gradphoto.kernel.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gradphoto.kernel.error.ProblemException;

/**
 * An RFC 9457 problem document. {@code code} is this platform's stable machine-readable reason
 * (also the last part of {@code type}); {@code errors} names the fields that were wrong.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String code,
    List<ProblemException.FieldError> errors,
    @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(
      int status,
      String code,
      String title,
      String detail,
      String instance,
      List<ProblemException.FieldError> errors,
      Map<String, Object> extensions) {
    return new Problem(
        "urn:gradphoto:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'),
        title,
        status,
        detail,
        instance,
        code,
        errors,
        extensions);
  }

  /** Extension members appear at the top level of the document, as RFC 9457 says. */
  @JsonAnyGetter
  public Map<String, Object> extensionMembers() {
    return extensions;
  }
}
