package org.gradphoto.identity.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.gradphoto.identity.application.port.in.EligibilityUseCase;
import org.gradphoto.identity.application.port.out.BatchRepository;
import org.gradphoto.identity.application.port.out.CollectionRepository;
import org.gradphoto.identity.application.port.out.EligibilityAttempts;
import org.gradphoto.identity.application.port.out.EligibilityAttempts.Budget;
import org.gradphoto.identity.application.port.out.IdNumbersForDelivery;
import org.gradphoto.identity.application.port.out.PendingMatches;
import org.gradphoto.identity.application.port.out.PendingMatches.PendingMatch;
import org.gradphoto.identity.application.port.out.QrCodeReader;
import org.gradphoto.identity.application.port.out.RosterRepository;
import org.gradphoto.identity.application.port.out.WeChatGateway;
import org.gradphoto.identity.config.EligibilityLimits;
import org.gradphoto.identity.domain.Batch;
import org.gradphoto.identity.domain.Candidate;
import org.gradphoto.identity.domain.EligibilityMode;
import org.gradphoto.identity.domain.EligibilityRules;
import org.gradphoto.identity.domain.EligibilityRules.AlreadyHeld;
import org.gradphoto.identity.domain.EligibilityRules.Decision;
import org.gradphoto.identity.domain.EligibilityRules.Grant;
import org.gradphoto.identity.domain.EligibilityRules.Refused;
import org.gradphoto.identity.domain.IdDocument;
import org.gradphoto.identity.domain.IdType;
import org.gradphoto.identity.domain.IdentityRefusal;
import org.gradphoto.identity.domain.IdentityRefusal.Reason;
import org.gradphoto.identity.domain.Names;
import org.gradphoto.identity.domain.RosterEntry;
import org.gradphoto.kernel.crypto.KeyedHash;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.value.Ids;
import org.gradphoto.kernel.value.PhoneNumber;

/**
 * The three ways to 获取采集资格. Every way ends in the same place: the matched roster entries go through
 * {@link EligibilityRules}, and a grant binds the entry, opens the collection and emits
 * EligibilityGranted in one transaction.
 *
 * <p>Nothing an attempt answers may tell whether the ID number or code typed is on a roster: an
 * unknown number, a wrong name, an entry bound to another account, outside its window or in a batch
 * without this mode all get the same 404 NO_MATCH, no sooner than {@code noMatchAnswerTime} after
 * the request, and all count against the limits. Only what depends on the school alone (mode A: no
 * batch of the school offers the mode or is open) is said before any lookup. Each attempt takes a
 * unit from its account's, subject's (keyed hash of what identifies the student) and client's
 * budget atomically before it is evaluated; a grant gives them back.
 */
@ApplicationScoped
class EligibilityService implements EligibilityUseCase {

  private final RosterRepository roster;
  private final BatchRepository batches;
  private final CollectionRepository collections;
  private final EligibilityAttempts attempts;
  private final PendingMatches matches;
  private final WeChatGateway weChat;
  private final QrCodeReader qr;
  private final KeyedHash hash;
  private final EligibilityLimits limits;
  private final IdNumbersForDelivery forDelivery;

  EligibilityService(
      RosterRepository roster,
      BatchRepository batches,
      CollectionRepository collections,
      EligibilityAttempts attempts,
      PendingMatches matches,
      WeChatGateway weChat,
      QrCodeReader qr,
      KeyedHash hash,
      EligibilityLimits limits,
      IdNumbersForDelivery forDelivery) {
    this.roster = roster;
    this.batches = batches;
    this.collections = collections;
    this.attempts = attempts;
    this.matches = matches;
    this.weChat = weChat;
    this.qr = qr;
    this.hash = hash;
    this.limits = limits;
    this.forDelivery = forDelivery;
  }

  /**
   * What a request looks for, under the subject its failures are counted against; {@code school} is
   * the school mode A names before any lookup.
   */
  private record Lookup(
      String subject,
      EligibilityMode mode,
      Optional<String> school,
      Supplier<Uni<List<Candidate>>> find) {}

  @Override
  public Uni<Granted> bySchoolNameAndId(UUID studentId, String client, BySchool request) {
    Lookup l = lookup(request);
    return schoolOffers(l)
        .chain(
            () ->
                attempt(
                    studentId,
                    client,
                    l,
                    () ->
                        l.find().get().chain(found -> decideAndGrant(studentId, l.mode(), found))));
  }

  @Override
  public Uni<Confirmation> match(UUID studentId, String client, BySchool request) {
    Lookup l = lookup(request);
    return schoolOffers(l)
        .chain(
            () ->
                attempt(
                    studentId,
                    client,
                    l,
                    () -> l.find().get().chain(found -> propose(studentId, l.mode(), found))));
  }

  private Lookup lookup(BySchool request) {
    String school = required(request.schoolCode(), Reason.SCHOOL_MISSING);
    String name = required(request.name(), Reason.NAME_MISSING);
    IdDocument id = document(request.idType(), request.idNumber());
    String idHash = hash.hash(id.lookupKey());
    return new Lookup(
        idHash,
        EligibilityMode.SCHOOL_NAME_ID,
        Optional.of(school),
        () ->
            roster
                .byIdHash(idHash, Optional.of(school))
                .map(found -> inBatch(onlyNamed(found, name), request.batchId())));
  }

  @Override
  public Uni<Granted> byChsiCode(UUID studentId, String client, ByChsiCode request) {
    Lookup l = lookup(request);
    return attempt(
        studentId,
        client,
        l,
        () -> l.find().get().chain(found -> decideAndGrant(studentId, l.mode(), found)));
  }

  @Override
  public Uni<Confirmation> match(UUID studentId, String client, ByChsiCode request) {
    Lookup l = lookup(request);
    return attempt(
        studentId,
        client,
        l,
        () -> l.find().get().chain(found -> propose(studentId, l.mode(), found)));
  }

  private Lookup lookup(ByChsiCode request) {
    String code = required(request.chsiCode(), Reason.CHSI_CODE_MISSING).strip();
    String lastFour =
        request.idLastFour() == null ? "" : request.idLastFour().strip().toUpperCase(Locale.ROOT);
    if (!lastFour.matches("[0-9A-Z]{4}")) {
      throw new IdentityRefusal(Reason.ID_LAST_FOUR_INVALID);
    }
    String subject = hash.hash("CHSI:" + code);
    return new Lookup(
        subject,
        EligibilityMode.CHSI_CODE,
        Optional.empty(),
        () ->
            roster
                .byChsiCode(code)
                .map(
                    found ->
                        inBatch(
                            found.stream()
                                .filter(c -> sameSecret(c.entry().idLastFour(), lastFour))
                                .toList(),
                            request.batchId())));
  }

  @Override
  public Uni<String> decodeChsiCode(byte[] image) {
    if (image == null || image.length == 0) {
      throw new IdentityRefusal(Reason.CHSI_IMAGE_MISSING);
    }
    return qr.read(image)
        .map(code -> code.orElseThrow(() -> new IdentityRefusal(Reason.NO_CODE_FOUND)));
  }

  @Override
  public Uni<Confirmation> match(UUID studentId, String client, ByIdAndPhone request) {
    String name = required(request.name(), Reason.NAME_MISSING);
    IdDocument id = document(request.idType(), request.idNumber());
    String phoneCode = required(request.phoneCode(), Reason.PHONE_CODE_MISSING);
    String idHash = hash.hash(id.lookupKey());
    return weChat
        .phoneNumberFor(phoneCode)
        .onFailure(WeChatGateway.Rejected.class)
        .transform(e -> new IdentityRefusal(Reason.PHONE_NOT_AUTHORISED))
        .map(phone -> hash.hash("phone:" + new PhoneNumber(phone).value()))
        .chain(
            phoneHash -> {
              Lookup l =
                  new Lookup(
                      idHash,
                      EligibilityMode.ID_AND_PHONE,
                      Optional.empty(),
                      () ->
                          roster
                              .byIdHash(idHash, Optional.empty())
                              // An entry without a phone on the roster cannot be matched in
                              // mode C: any phone would do for it.
                              .map(
                                  found ->
                                      inBatch(onlyNamed(found, name), request.batchId()).stream()
                                          .filter(
                                              c ->
                                                  c.entry()
                                                      .phoneHash()
                                                      .map(h -> sameSecret(h, phoneHash))
                                                      .orElse(false))
                                          .toList()));
              return attempt(
                  studentId,
                  client,
                  l,
                  () -> l.find().get().chain(found -> propose(studentId, l.mode(), found)));
            });
  }

  /** A match is kept for the student to confirm (核验学籍信息); nothing is bound yet. */
  private Uni<Confirmation> propose(UUID studentId, EligibilityMode mode, List<Candidate> found) {
    if (found.isEmpty()) {
      return Uni.createFrom().failure(new NoMatch());
    }
    Decision d = EligibilityRules.decide(found, studentId, mode, Instant.now());
    Candidate c =
        switch (d) {
          case Grant g -> g.candidate();
          case AlreadyHeld h -> h.candidate();
          case Refused r -> null;
        };
    if (c == null) {
      return Uni.createFrom().failure(new NoMatch());
    }
    Instant expires = Instant.now().plus(limits.matchLifetime());
    PendingMatch pending = new PendingMatch(Ids.newId(), studentId, c.entry().id(), expires, mode);
    return matches
        .save(pending)
        .replaceWith(
            new Confirmation(
                pending.id(),
                c.schoolName(),
                c.entry().schoolCode(),
                c.entry().studentNumber(),
                c.entry().name(),
                expires));
  }

  @Override
  public Uni<Granted> confirm(UUID studentId, UUID matchId) {
    return matches
        .find(matchId, studentId, Instant.now())
        .chain(
            m -> {
              if (m.isEmpty()) {
                throw new IdentityRefusal(Reason.MATCH_EXPIRED);
              }
              return roster
                  .byId(m.get().rosterEntryId())
                  .chain(
                      c ->
                          c.isEmpty()
                              ? Uni.createFrom().<Granted>failure(new NoMatch())
                              : decideAndGrant(studentId, m.get().mode(), List.of(c.get())));
            })
        .onFailure(NoMatch.class)
        .transform(e -> noMatchProblem());
  }

  // ------------------------------------------------------------------ shared steps

  /** An answer that must look like every other no-match answer. */
  private static final class NoMatch extends RuntimeException {
    NoMatch() {
      super(null, null, false, false);
    }
  }

  /**
   * Mode A names the school first: when none of its batches offers the mode, or none is open, that
   * is said at once. It depends on the school alone, so it tells nothing about a person.
   */
  private Uni<Void> schoolOffers(Lookup l) {
    EligibilityMode mode = l.mode();
    return batches
        .ofSchool(l.school().orElseThrow())
        .map(
            all -> {
              List<Batch> offering = all.stream().filter(b -> b.offers(mode)).toList();
              if (!all.isEmpty() && offering.isEmpty()) {
                throw modeNotOffered();
              }
              Instant now = Instant.now();
              if (!offering.isEmpty()
                  && offering.stream().noneMatch(b -> b.signUp().contains(now))) {
                Batch nearest =
                    offering.stream()
                        .min(
                            java.util.Comparator.comparing(
                                b -> Duration.between(now, b.signUp().opensAt()).abs().toSeconds()))
                        .orElseThrow();
                throw outsideWindow(nearest);
              }
              return null;
            });
  }

  /**
   * Takes a unit from the account's, the subject's and the client's budgets (429 when one is used
   * up), evaluates, gives the units back on success and keeps them for anything else; a no-match is
   * answered no sooner than the configured answer time after the attempt began.
   */
  private <T> Uni<T> attempt(
      UUID studentId, String client, Lookup lookup, Supplier<Uni<T>> evaluate) {
    String subject = lookup.subject();
    EligibilityMode mode = lookup.mode();
    long began = System.nanoTime();
    List<Budget> budgets =
        List.of(
            new Budget("account:" + studentId, limits.maxFailuresPerAccount()),
            new Budget("subject:" + subject, limits.maxFailuresPerSubject()),
            new Budget(
                "client:" + hash.hash("client:" + (client == null ? "" : client)),
                limits.maxFailuresPerClient()));
    Instant now = Instant.now();
    return attempts
        .reserve(budgets, now, limits.failureWindow())
        .chain(
            allowed -> {
              if (!allowed) {
                return Uni.createFrom().<T>failure(tooManyAttempts());
              }
              return Uni.createFrom()
                  .deferred(evaluate::get)
                  .call(() -> attempts.release(budgets))
                  .onFailure(NoMatch.class)
                  .recoverWithUni(
                      () ->
                          attempts
                              .recordFailure(studentId, subject, mode.name(), Instant.now())
                              .chain(() -> untilAnswerTime(began))
                              .chain(() -> Uni.createFrom().<T>failure(noMatchProblem())));
            });
  }

  private Uni<Void> untilAnswerTime(long began) {
    Duration left = limits.noMatchAnswerTime().minus(Duration.ofNanos(System.nanoTime() - began));
    if (left.isNegative() || left.isZero()) {
      return Uni.createFrom().voidItem();
    }
    // Vert.x timers take whole milliseconds of at least 1 (a shorter delay throws, a 500 under
    // load when the work took just under the answer time): round up, never answer sooner.
    long millis = Math.max(1, (left.toNanos() + 999_999) / 1_000_000);
    return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(millis));
  }

  private IdentityRefusal tooManyAttempts() {
    return new IdentityRefusal(
        Reason.TOO_MANY_ATTEMPTS, Map.of("retryAfterSeconds", limits.failureWindow().toSeconds()));
  }

  private Uni<Granted> decideAndGrant(UUID studentId, EligibilityMode mode, List<Candidate> found) {
    if (found.isEmpty()) {
      return Uni.createFrom().failure(new NoMatch());
    }
    Decision d = EligibilityRules.decide(found, studentId, mode, Instant.now());
    return switch (d) {
      case AlreadyHeld h ->
          collections
              .activeOf(h.candidate().entry().id(), studentId)
              .chain(
                  id ->
                      id.isEmpty()
                          ? Uni.createFrom().<Granted>failure(new NoMatch())
                          : view(studentId, id.get(), false));
      case Grant g -> grant(studentId, g.candidate());
      // Bound to another account, outside its window, mode not offered: said only after a match,
      // so it would confirm the ID number; the student reads the no-match sentence (contact the
      // school) like everyone else.
      case Refused r -> Uni.createFrom().failure(new NoMatch());
    };
  }

  private Uni<Granted> grant(UUID studentId, Candidate c) {
    // An entry an operator freed from the wrong account keeps its collection: the rightful student
    // continues it (one collection, one photo per roster entry), the others follow by its id.
    return collections
        .revokedOf(c.entry().id())
        .chain(previous -> grant(studentId, c, previous.orElseGet(Ids::newId)));
  }

  private Uni<Granted> grant(UUID studentId, Candidate c, UUID collectionId) {
    RosterEntry e = c.entry();
    Batch b = c.batch();
    Instant now = Instant.now();
    EligibilityGranted granted =
        new EligibilityGranted(
            collectionId,
            studentId,
            b.id(),
            b.name(),
            b.schoolCode(),
            c.schoolName(),
            e.id(),
            e.studentNumber(),
            e.name(),
            e.idType().name(),
            e.idMasked(),
            forDelivery.sealForDelivery(e.idSealed()),
            e.degreeLevel(),
            b.priceFen(),
            b.paymentPolicy().name(),
            b.specProfile(),
            b.reviewPromise(),
            b.allowSubmitWithFindings(),
            b.backgroundColours(),
            b.uploadMinBytes(),
            b.uploadMaxBytes(),
            b.window().closesAt(),
            b.window().opensAt());
    EventEnvelope<EligibilityGranted> event =
        EventEnvelope.of(granted, collectionId.toString(), Ids.newId().toString(), now);
    return collections
        .grant(event, now)
        .chain(
            bound ->
                bound
                    ? view(studentId, collectionId, true)
                    : Uni.createFrom().failure(new NoMatch()));
  }

  private Uni<Granted> view(UUID studentId, UUID collectionId, boolean created) {
    return collections.one(studentId, collectionId).map(v -> new Granted(created, v.orElseThrow()));
  }

  private static IdentityRefusal noMatchProblem() {
    return new IdentityRefusal(Reason.NO_MATCH);
  }

  private static IdentityRefusal outsideWindow(Batch b) {
    return new IdentityRefusal(Reason.OUTSIDE_WINDOW, Map.of("signUp", b.signUp()));
  }

  private static IdentityRefusal modeNotOffered() {
    return new IdentityRefusal(Reason.MODE_NOT_OFFERED);
  }

  /** Only the entries of the batch the student chose, when they chose one. */
  private static List<Candidate> inBatch(List<Candidate> found, UUID batchId) {
    return batchId == null
        ? found
        : found.stream().filter(c -> batchId.equals(c.batch().id())).toList();
  }

  private static List<Candidate> onlyNamed(List<Candidate> found, String name) {
    return found.stream().filter(c -> Names.same(c.entry().name(), name)).toList();
  }

  private static boolean sameSecret(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String required(String value, Reason missing) {
    if (value == null || value.isBlank()) {
      throw new IdentityRefusal(missing);
    }
    return value.strip();
  }

  private static IdDocument document(String type, String number) {
    IdType t = IdType.parse(type).orElseThrow(() -> new IdentityRefusal(Reason.ID_TYPE_MISSING));
    try {
      return IdDocument.of(t, number);
    } catch (IllegalArgumentException e) {
      // IdDocument's and ResidentIdNumber's reasons are already written for the student.
      throw new IdentityRefusal(
          Reason.ID_NUMBER_INVALID, Map.of("why", String.valueOf(e.getMessage())));
    }
  }
}
