package org.gradphoto.kernel.value;

import java.util.UUID;

/**
 * Identifiers that cross service boundaries. They are random UUIDs, so an id seen in a URL reveals
 * nothing and cannot be guessed from a neighbour's.
 */
public final class Ids {
  private Ids() {}

  public static UUID newId() {
    return UUID.randomUUID();
  }

  /** Parses an id from a path or payload; a malformed one is the caller's mistake. */
  public static UUID parse(String field, String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(field + " is not a valid id");
    }
  }
}
