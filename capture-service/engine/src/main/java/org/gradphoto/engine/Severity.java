package org.gradphoto.engine;

/** How much a finding matters: a {@code REJECT} means the photo must be retaken. */
public enum Severity {
  REJECT,
  WARN
}
