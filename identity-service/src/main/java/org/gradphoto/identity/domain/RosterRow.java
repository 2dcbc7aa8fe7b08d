package org.gradphoto.identity.domain;

import java.util.Optional;

/** One valid roster line: a student of a school with their identity document. */
public record RosterRow(
    int line,
    String schoolCode,
    String schoolName,
    String studentNumber,
    String name,
    IdDocument id,
    Optional<String> phone,
    Optional<String> chsiCode,
    String degreeLevel) {

  @Override
  public String toString() {
    // Personal data stays out of logs and exception messages.
    return "RosterRow[line=" + line + ", school=" + schoolCode + "]";
  }
}
