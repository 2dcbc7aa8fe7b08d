package org.gradphoto.identity.domain;

import org.gradphoto.kernel.value.SchoolCode;

/** A higher-education institution, known by its five-digit Ministry of Education code. */
public record School(String code, String name) {
  public School {
    code = SchoolCode.of(code).value();
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw new IllegalArgumentException("name: 院校名称不能为空，且不超过100个字");
    }
    name = name.strip();
  }
}
