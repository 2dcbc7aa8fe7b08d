package org.gradphoto.delivery.adapter.in.rest;

import java.util.UUID;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.value.Ids;
import org.gradphoto.kernel.value.SchoolCode;

/** Path and query values, checked into problem+json 400s. */
final class Params {
  private Params() {}

  static UUID id(String field, String raw) {
    try {
      return Ids.parse(field, raw);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(field, e.getMessage());
    }
  }

  static String school(String raw) {
    try {
      return SchoolCode.of(raw).value();
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("schoolCode", e.getMessage());
    }
  }
}
