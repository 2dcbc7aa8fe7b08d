package org.gradphoto.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gradphoto.identity.domain.EligibilityRules.AlreadyHeld;
import org.gradphoto.identity.domain.EligibilityRules.Grant;
import org.gradphoto.identity.domain.EligibilityRules.Reason;
import org.gradphoto.identity.domain.EligibilityRules.Refused;
import org.junit.jupiter.api.Test;

class EligibilityRulesTest {
  static final Instant NOW = Instant.parse("2026-06-10T04:00:00Z");
  static final UUID ME = UUID.randomUUID();

  static Candidate candidate(Instant opens, Set<EligibilityMode> modes, UUID boundTo) {
    return candidate(opens, null, modes, boundTo);
  }

  /** {@code signUpOpens} null: sign-up is the shooting window. */
  static Candidate candidate(
      Instant opens, Instant signUpOpens, Set<EligibilityMode> modes, UUID boundTo) {
    Instant closes = opens.plus(Duration.ofDays(3));
    Batch b =
        new Batch(
            UUID.randomUUID(),
            "10999",
            "批次",
            new CollectionWindow(opens, closes),
            2500,
            PaymentPolicy.PAY_BEFORE_CAPTURE,
            "chsi-graduation",
            modes,
            "PT24H",
            "",
            "",
            false,
            List.of("blue"),
            0,
            2_000_000,
            signUpOpens == null ? null : new CollectionWindow(signUpOpens, closes),
            null,
            null,
            null,
            null);
    RosterEntry e =
        new RosterEntry(
            UUID.randomUUID(),
            b.id(),
            "10999",
            "S1",
            "张三",
            IdType.RESIDENT_ID,
            "110105********1234",
            "v1:x",
            Optional.empty(),
            "本科",
            Optional.ofNullable(boundTo));
    return new Candidate(e, b, "示范大学");
  }

  static final Set<EligibilityMode> A = Set.of(EligibilityMode.SCHOOL_NAME_ID);

  @Test
  void before_shooting_opens_a_batch_whose_sign_up_is_open_is_granted() {
    Candidate c = candidate(NOW.plus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)), A, null);
    assertEquals(
        new Grant(c), EligibilityRules.decide(List.of(c), ME, EligibilityMode.SCHOOL_NAME_ID, NOW));
  }

  @Test
  void before_sign_up_opens_the_batch_is_refused_as_outside_its_window() {
    Candidate c = candidate(NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(1)), A, null);
    Refused r =
        (Refused) EligibilityRules.decide(List.of(c), ME, EligibilityMode.SCHOOL_NAME_ID, NOW);
    assertEquals(Reason.OUTSIDE_WINDOW, r.reason());
  }

  @Test
  void an_open_free_entry_of_a_batch_offering_the_mode_is_granted() {
    Candidate c = candidate(NOW.minus(Duration.ofDays(1)), A, null);
    assertEquals(
        new Grant(c), EligibilityRules.decide(List.of(c), ME, EligibilityMode.SCHOOL_NAME_ID, NOW));
  }

  @Test
  void an_entry_already_bound_to_this_student_is_simply_theirs_even_after_the_window() {
    Candidate c = candidate(NOW.minus(Duration.ofDays(10)), A, ME);
    assertInstanceOf(
        AlreadyHeld.class,
        EligibilityRules.decide(List.of(c), ME, EligibilityMode.SCHOOL_NAME_ID, NOW));
  }

  @Test
  void the_newest_open_batch_wins_when_a_person_is_on_two_rosters() {
    Candidate old = candidate(NOW.minus(Duration.ofDays(2)), A, null);
    Candidate newer = candidate(NOW.minus(Duration.ofHours(1)), A, null);
    assertEquals(
        new Grant(newer),
        EligibilityRules.decide(List.of(old, newer), ME, EligibilityMode.SCHOOL_NAME_ID, NOW));
  }

  @Test
  void refusals_say_the_most_important_reason() {
    Candidate closed = candidate(NOW.minus(Duration.ofDays(10)), A, null);
    Candidate otherMode =
        candidate(NOW.minus(Duration.ofDays(1)), Set.of(EligibilityMode.CHSI_CODE), null);
    Candidate taken = candidate(NOW.minus(Duration.ofDays(1)), A, UUID.randomUUID());
    assertEquals(
        Reason.OUTSIDE_WINDOW,
        ((Refused)
                EligibilityRules.decide(
                    List.of(closed, otherMode), ME, EligibilityMode.SCHOOL_NAME_ID, NOW))
            .reason());
    assertEquals(
        Reason.MODE_NOT_OFFERED,
        ((Refused)
                EligibilityRules.decide(
                    List.of(otherMode), ME, EligibilityMode.SCHOOL_NAME_ID, NOW))
            .reason());
    assertEquals(
        Reason.BOUND_TO_ANOTHER_ACCOUNT,
        ((Refused)
                EligibilityRules.decide(
                    List.of(closed, taken), ME, EligibilityMode.SCHOOL_NAME_ID, NOW))
            .reason());
  }

  @Test
  void the_window_includes_its_opening_and_excludes_its_closing_instant() {
    CollectionWindow w = new CollectionWindow(NOW, NOW.plusSeconds(60));
    assertEquals(true, w.contains(NOW));
    assertEquals(false, w.contains(NOW.plusSeconds(60)));
    assertEquals("2026年6月10日 12:00 至 2026年6月10日 12:01（北京时间）", w.describe());
  }
}
