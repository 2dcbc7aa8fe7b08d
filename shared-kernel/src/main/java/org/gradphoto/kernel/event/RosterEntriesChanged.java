package org.gradphoto.kernel.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A roster import created or changed these entries of a batch (at most {@link #MAX_ENTRIES} per
 * event; a large import sends several). Delivery keeps them so that students who never started
 * count as missing. Minimal personal data: the student number, the name and the masked ID number
 * (never the full or sealed one), never logged.
 */
public record RosterEntriesChanged(
    UUID batchId, String schoolCode, List<Entry> entries, Instant changedAt)
    implements EventPayload {

  /** Keeps one event well under Kafka's default 1 MB message size. */
  public static final int MAX_ENTRIES = 1_000;

  /** One roster entry as it now stands (it may have moved here from another batch). */
  public record Entry(
      UUID rosterEntryId, String studentNumber, String studentName, String idNumberMasked) {
    @Override
    public String toString() {
      return "Entry[" + rosterEntryId + "]"; // no personal data in logs
    }
  }
}
