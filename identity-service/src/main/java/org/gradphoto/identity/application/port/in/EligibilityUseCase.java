package org.gradphoto.identity.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;

/**
 * 获取采集资格: a signed-in student proves they are on a roster in one of three ways. {@code client} is
 * the caller's address (as the gateway saw it): attempts are limited per client too.
 */
public interface EligibilityUseCase {
  /** Mode A: school + name + ID number. */
  Uni<Granted> bySchoolNameAndId(UUID studentId, String client, BySchool request);

  /** Mode B: CHSI image-collection code + last four characters of the ID number. */
  Uni<Granted> byChsiCode(UUID studentId, String client, ByChsiCode request);

  /** Mode B helper: reads the CHSI code from an album picture of its QR code. */
  Uni<String> decodeChsiCode(byte[] image);

  /** Mode C, step 1: name + ID type + number + WeChat-authorised phone → what to confirm. */
  Uni<Confirmation> match(UUID studentId, String client, ByIdAndPhone request);

  /** Mode A, step 1: what mode A would bind, shown to the student to confirm (核验学籍信息). */
  Uni<Confirmation> match(UUID studentId, String client, BySchool request);

  /** Mode B, step 1: what mode B would bind, shown to the student to confirm. */
  Uni<Confirmation> match(UUID studentId, String client, ByChsiCode request);

  /** Step 2 of every mode: the student confirms the match shown to them; binds in its mode. */
  Uni<Granted> confirm(UUID studentId, UUID matchId);

  /**
   * {@code batchId} (optional, in every mode): the batch whose notice the student read; only its
   * roster is matched then.
   */
  record BySchool(String schoolCode, String name, String idType, String idNumber, UUID batchId) {}

  record ByChsiCode(String chsiCode, String idLastFour, UUID batchId) {}

  /** {@code phoneCode}: the code of the mini-program's getPhoneNumber button. */
  record ByIdAndPhone(
      String name, String idType, String idNumber, String phoneCode, UUID batchId) {}

  record Confirmation(
      UUID matchId,
      String schoolName,
      String schoolCode,
      String studentNumber,
      String name,
      Instant expiresAt) {}

  /** {@code created} is false when the student already held this collection. */
  record Granted(boolean created, CollectionsQuery.CollectionView collection) {}
}
