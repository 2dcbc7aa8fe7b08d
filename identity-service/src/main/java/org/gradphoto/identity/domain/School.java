package org.gradphoto.identity.domain;

import org.gradphoto.kernel.value.SchoolCode;

/**
 * A higher-education institution, known by its five-digit Ministry of Education code ({@link
 * SchoolCode#of} refuses any other with an IllegalArgumentException).
 */
public record School(String code, String name) {
  public School {
    code = SchoolCode.of(code).value();
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw new IdentityRefusal(IdentityRefusal.Reason.SCHOOL_NAME_INVALID);
    }
    name = name.strip();
  }
}
