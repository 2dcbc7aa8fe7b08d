package org.gradphoto.delivery.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides a package's contents: every collection of the batch with a standard photo, named by the
 * school's convention (sanitised, unique within the ZIP); every other collection and every roster
 * line that never started is missing ({@link MissingStudents}).
 */
public final class PackagePlanner {
  /**
   * Every package ZIP lies under this prefix of delivery's bucket and nothing else does: the
   * bucket's expiry rule matches it alone, so pinned photos and sheets ({@code collections/…})
   * never expire while a batch can still be packaged (the deploy module's drift test reads this
   * line).
   */
  public static final String PACKAGES = "packages/";

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

  private PackagePlanner() {}

  /**
   * @param idNumberOf opens a collection's sealed ID number (only asked under {@link
   *     NamingConvention#ID_NUMBER})
   */
  public static PackagePlan plan(
      PackageBuild build,
      List<StudentCollection> batch,
      List<RosterLine> roster,
      Function<StudentCollection, String> idNumberOf,
      Instant now) {
    SchoolPackage pkg = build.pkg();
    List<StudentCollection> sorted = onePerRosterEntry(batch);
    sorted.sort(
        Comparator.comparing(
                (StudentCollection c) -> c.studentNumber() == null ? "" : c.studentNumber())
            .thenComparing(StudentCollection::collectionId));
    Set<String> taken = new HashSet<>();
    List<PackageEntry> entries = new ArrayList<>();
    for (StudentCollection c : sorted) {
      if (!c.status().hasStandardPhoto() || c.photo() == null) {
        continue;
      }
      String base =
          switch (pkg.naming()) {
            case ID_NUMBER -> c.idNumberSealed() == null ? null : idNumberOf.apply(c);
            case STUDENT_NUMBER -> c.studentNumber();
          };
      String name = unique(safe(base, c), taken);
      entries.add(
          new PackageEntry(
              c.collectionId(),
              c.photo().standardKey(),
              name + ".jpg",
              c.photo().sha256(),
              c.photo().sizeBytes(),
              c.studentNumber(),
              c.studentName(),
              c.idNumberMasked(),
              c.completedAt()));
    }
    List<MissingStudent> missing = MissingStudents.of(batch, roster);
    String stamp = STAMP.format(now.atZone(CHINA));
    // One object per build: a builder that lost its lease and one that took over never write or
    // remove the same key.
    String objectKey =
        PACKAGES
            + "%s/%s/%s/%s.zip"
                .formatted(pkg.schoolCode(), pkg.batchId(), pkg.packageId(), build.buildId());
    String fileName = pkg.schoolCode() + "_photos_" + stamp + ".zip";
    return new PackagePlan(pkg, objectKey, fileName, entries, missing);
  }

  /**
   * A student number names one entry of the school's roster, so when two collections carry it (the
   * wrong account's, from before unbindings were events, and the rightful student's) only one is
   * delivered: one with a photo over one without, the later completion over the earlier.
   */
  static List<StudentCollection> onePerRosterEntry(List<StudentCollection> batch) {
    List<StudentCollection> out = new ArrayList<>();
    Map<String, StudentCollection> byNumber = new LinkedHashMap<>();
    for (StudentCollection c : batch) {
      if (c.studentNumber() == null || c.studentNumber().isBlank()) {
        out.add(c);
      } else {
        byNumber.merge(c.studentNumber(), c, PackagePlanner::preferred);
      }
    }
    out.addAll(byNumber.values());
    return out;
  }

  private static StudentCollection preferred(StudentCollection a, StudentCollection b) {
    boolean aPhoto = a.status().hasStandardPhoto() && a.photo() != null;
    boolean bPhoto = b.status().hasStandardPhoto() && b.photo() != null;
    if (aPhoto != bPhoto) {
      return aPhoto ? a : b;
    }
    if (aPhoto && a.completedAt() != null && b.completedAt() != null) {
      return b.completedAt().isAfter(a.completedAt()) ? b : a;
    }
    return a;
  }

  /** Keeps letters, digits, '-' and '_' so a name is safe on every file system. */
  static String safe(String base, StudentCollection c) {
    String cleaned = base == null ? "" : base.strip().replaceAll("[^A-Za-z0-9_-]", "");
    return cleaned.isEmpty() ? c.collectionId().toString() : cleaned;
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int n = 2; !taken.add(candidate.toUpperCase()); n++) {
      candidate = name + "_" + n;
    }
    return candidate;
  }
}
