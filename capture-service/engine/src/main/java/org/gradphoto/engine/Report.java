package org.gradphoto.engine;

import java.util.List;

/**
 * The engine's verdict on one photo. {@code accepted} is true when no finding is a REJECT. Plain
 * record: serialise it with any JSON mapper (see {@link Reports#toJson(Report)}).
 *
 * @param profile id of the spec profile applied
 * @param accepted true when nothing is REJECT
 * @param geometry measured on the output; null when no face was found
 * @param findings in the order the checks ran
 * @param output what the JPEG is; null when no photo was written (a finding blocks the output)
 */
public record Report(
    String profile,
    boolean accepted,
    Geometry geometry,
    List<PhotoFinding> findings,
    OutputInfo output) {

  public Report {
    findings = List.copyOf(findings);
  }

  /** True when a finding with this code is present. */
  public boolean has(FindingCode code) {
    return findings.stream().anyMatch(f -> f.code() == code);
  }
}
