package org.gradphoto.identity.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.gradphoto.identity.application.port.in.EligibilityUseCase;
import org.gradphoto.identity.application.port.out.CollectionRepository;
import org.gradphoto.identity.application.port.out.EligibilityAttempts;
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
import org.gradphoto.identity.domain.Names;
import org.gradphoto.identity.domain.RosterEntry;
import org.gradphoto.kernel.crypto.KeyedHash;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.event.EligibilityGranted;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.value.Ids;
import org.gradphoto.kernel.value.PhoneNumber;

/**
 * The three ways to 获取采集资格. Every way ends in the same place: the matched roster entries go through
 * {@link EligibilityRules}, and a grant binds the entry, opens the collection and emits
 * EligibilityGranted in one transaction. A failed match is counted per account and per subject
 * (keyed hash of what identifies the student), and the answer to a failed match is always the same
 * sentence, so nobody learns whether an ID number or code exists.
 */
@ApplicationScoped
class EligibilityService implements EligibilityUseCase {
  static final String NO_MATCH = "未匹配到采集信息，请联系学院核实信息";

  private final RosterRepository roster;
  private final CollectionRepository collections;
  private final EligibilityAttempts attempts;
  private final PendingMatches matches;
  private final WeChatGateway weChat;
  private final QrCodeReader qr;
  private final KeyedHash hash;
  private final EligibilityLimits limits;

  EligibilityService(
      RosterRepository roster,
      CollectionRepository collections,
      EligibilityAttempts attempts,
      PendingMatches matches,
      WeChatGateway weChat,
      QrCodeReader qr,
      KeyedHash hash,
      EligibilityLimits limits) {
    this.roster = roster;
    this.collections = collections;
    this.attempts = attempts;
    this.matches = matches;
    this.weChat = weChat;
    this.qr = qr;
    this.hash = hash;
    this.limits = limits;
  }

  /** What a request matched, under the subject its failures are counted against. */
  private record Lookup(String subject, EligibilityMode mode, Uni<List<Candidate>> found) {}

  @Override
  public Uni<Granted> bySchoolNameAndId(UUID studentId, BySchool request) {
    Lookup l = lookup(studentId, request);
    return l.found().chain(found -> settle(studentId, l.subject(), l.mode(), found));
  }

  @Override
  public Uni<Confirmation> match(UUID studentId, BySchool request) {
    Lookup l = lookup(studentId, request);
    return l.found().chain(found -> propose(studentId, l.subject(), l.mode(), found));
  }

  private Lookup lookup(UUID studentId, BySchool request) {
    String school = required(request.schoolCode(), "schoolCode", "请选择所在院校");
    String name = required(request.name(), "name", "请填写姓名");
    IdDocument id = document(request.idType(), request.idNumber());
    String idHash = hash.hash(id.lookupKey());
    return new Lookup(
        idHash,
        EligibilityMode.SCHOOL_NAME_ID,
        guarded(
            studentId,
            idHash,
            () ->
                roster
                    .byIdHash(idHash, Optional.of(school))
                    .map(found -> inBatch(onlyNamed(found, name), request.batchId()))));
  }

  @Override
  public Uni<Granted> byChsiCode(UUID studentId, ByChsiCode request) {
    Lookup l = lookup(studentId, request);
    return l.found().chain(found -> settle(studentId, l.subject(), l.mode(), found));
  }

  @Override
  public Uni<Confirmation> match(UUID studentId, ByChsiCode request) {
    Lookup l = lookup(studentId, request);
    return l.found().chain(found -> propose(studentId, l.subject(), l.mode(), found));
  }

  private Lookup lookup(UUID studentId, ByChsiCode request) {
    String code = required(request.chsiCode(), "chsiCode", "请先扫描或识别学信网图像采集码").strip();
    String lastFour =
        request.idLastFour() == null ? "" : request.idLastFour().strip().toUpperCase(Locale.ROOT);
    if (!lastFour.matches("[0-9A-Z]{4}")) {
      throw ProblemException.invalidField("idLastFour", "请输入证件号码后四位");
    }
    String subject = hash.hash("CHSI:" + code);
    return new Lookup(
        subject,
        EligibilityMode.CHSI_CODE,
        guarded(
            studentId,
            subject,
            () ->
                roster
                    .byChsiCode(code)
                    .map(
                        found ->
                            inBatch(
                                found.stream()
                                    .filter(c -> sameSecret(c.entry().idLastFour(), lastFour))
                                    .toList(),
                                request.batchId()))));
  }

  @Override
  public Uni<String> decodeChsiCode(byte[] image) {
    if (image == null || image.length == 0) {
      throw ProblemException.invalidField("image", "请选择学信网图像采集码的图片");
    }
    return qr.read(image)
        .map(
            code ->
                code.orElseThrow(
                    () ->
                        ProblemException.unprocessable(
                            "NO_CODE_FOUND", "未能从图片中识别出学信网图像采集码，请换一张清晰的截图或直接扫码")));
  }

  @Override
  public Uni<Confirmation> match(UUID studentId, ByIdAndPhone request) {
    String name = required(request.name(), "name", "请填写姓名");
    IdDocument id = document(request.idType(), request.idNumber());
    String phoneCode = required(request.phoneCode(), "phoneCode", "请授权微信绑定的手机号");
    String idHash = hash.hash(id.lookupKey());
    EligibilityMode mode = EligibilityMode.ID_AND_PHONE;
    return weChat
        .phoneNumberFor(phoneCode)
        .onFailure(WeChatGateway.Rejected.class)
        .transform(e -> ProblemException.badRequest("PHONE_NOT_AUTHORISED", "手机号授权失败，请重新授权"))
        .map(phone -> hash.hash("phone:" + new PhoneNumber(phone).value()))
        .chain(
            phoneHash ->
                guarded(
                    studentId,
                    idHash,
                    () ->
                        roster
                            .byIdHash(idHash, Optional.empty())
                            .map(
                                found ->
                                    inBatch(onlyNamed(found, name), request.batchId()).stream()
                                        .filter(
                                            c ->
                                                c.entry()
                                                    .phoneHash()
                                                    .map(h -> sameSecret(h, phoneHash))
                                                    .orElse(true))
                                        .toList())))
        .chain(found -> propose(studentId, idHash, mode, found));
  }

  /** A match is kept for the student to confirm (核验学籍信息); nothing is bound yet. */
  private Uni<Confirmation> propose(
      UUID studentId, String subject, EligibilityMode mode, List<Candidate> found) {
    if (found.isEmpty()) {
      return noMatch(studentId, subject, mode);
    }
    Decision d = EligibilityRules.decide(found, studentId, mode, Instant.now());
    Candidate c =
        switch (d) {
          case Grant g -> g.candidate();
          case AlreadyHeld h -> h.candidate();
          case Refused r -> throw refusal(r);
        };
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
                throw ProblemException.notFound("MATCH_EXPIRED", "确认信息已过期，请重新填写校验信息");
              }
              return roster
                  .byId(m.get().rosterEntryId())
                  .chain(
                      c ->
                          c.isEmpty()
                              ? Uni.createFrom().failure(noMatchProblem())
                              : decideAndGrant(studentId, m.get().mode(), List.of(c.get())));
            });
  }

  // ------------------------------------------------------------------ shared steps

  /** Refuses at once when the account or the subject has used up its failed attempts. */
  private Uni<List<Candidate>> guarded(
      UUID studentId, String subject, Supplier<Uni<List<Candidate>>> lookup) {
    Instant since = Instant.now().minus(limits.failureWindow());
    return attempts
        .failuresSince(studentId, subject, since)
        .chain(
            counts -> {
              if (counts.byAccount() >= limits.maxFailuresPerAccount()
                  || counts.bySubject() >= limits.maxFailuresPerSubject()) {
                return Uni.createFrom()
                    .failure(
                        new ProblemException(
                            429,
                            "TOO_MANY_ATTEMPTS",
                            "Too many attempts",
                            "尝试次数过多，请1小时后再试；如信息无误仍无法匹配，请联系学院核实信息",
                            List.of(),
                            Map.of("retryAfterSeconds", limits.failureWindow().toSeconds())));
              }
              return lookup.get();
            });
  }

  private Uni<Granted> settle(
      UUID studentId, String subject, EligibilityMode mode, List<Candidate> found) {
    if (found.isEmpty()) {
      return noMatch(studentId, subject, mode);
    }
    return decideAndGrant(studentId, mode, found);
  }

  private Uni<Granted> decideAndGrant(UUID studentId, EligibilityMode mode, List<Candidate> found) {
    Decision d = EligibilityRules.decide(found, studentId, mode, Instant.now());
    return switch (d) {
      case AlreadyHeld h ->
          collections
              .activeOf(h.candidate().entry().id(), studentId)
              .chain(
                  id ->
                      id.isEmpty()
                          ? Uni.createFrom()
                              .failure(
                                  refusal(
                                      new Refused(
                                          EligibilityRules.Reason.BOUND_TO_ANOTHER_ACCOUNT,
                                          h.candidate())))
                          : view(studentId, id.get(), false));
      case Grant g -> grant(studentId, g.candidate());
      case Refused r -> Uni.createFrom().failure(refusal(r));
    };
  }

  private Uni<Granted> grant(UUID studentId, Candidate c) {
    RosterEntry e = c.entry();
    Batch b = c.batch();
    UUID collectionId = Ids.newId();
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
            e.idSealed(),
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
                    : Uni.createFrom()
                        .failure(
                            refusal(
                                new Refused(EligibilityRules.Reason.BOUND_TO_ANOTHER_ACCOUNT, c))));
  }

  private Uni<Granted> view(UUID studentId, UUID collectionId, boolean created) {
    return collections.one(studentId, collectionId).map(v -> new Granted(created, v.orElseThrow()));
  }

  private <T> Uni<T> noMatch(UUID studentId, String subject, EligibilityMode mode) {
    return attempts
        .recordFailure(studentId, subject, mode.name(), Instant.now())
        .chain(() -> Uni.createFrom().failure(noMatchProblem()));
  }

  private static ProblemException noMatchProblem() {
    return ProblemException.notFound("NO_MATCH", NO_MATCH);
  }

  private static ProblemException refusal(Refused r) {
    Batch b = r.candidate().batch();
    return switch (r.reason()) {
      case BOUND_TO_ANOTHER_ACCOUNT ->
          ProblemException.conflict(
              "BOUND_TO_ANOTHER_ACCOUNT", "该学籍信息已绑定其他微信账号。请使用本人微信采集；如有疑问，请联系学校处理");
      case OUTSIDE_WINDOW ->
          new ProblemException(
              422,
              "OUTSIDE_WINDOW",
              "Outside the collection window",
              "当前不在报名时间内，不能获取采集资格。报名缴费时间：" + b.signUp().describe(),
              List.of(),
              Map.of(
                  "opensAt", b.signUp().opensAt().toString(),
                  "closesAt", b.signUp().closesAt().toString()));
      case MODE_NOT_OFFERED ->
          ProblemException.unprocessable("MODE_NOT_OFFERED", "该采集批次未开通此方式获取采集资格，请按学校通知的方式操作");
    };
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

  private static String required(String value, String field, String message) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalidField(field, message);
    }
    return value.strip();
  }

  private static IdDocument document(String type, String number) {
    IdType t =
        IdType.parse(type).orElseThrow(() -> ProblemException.invalidField("idType", "请选择证件类型"));
    try {
      return IdDocument.of(t, number);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("idNumber", e.getMessage());
    }
  }
}
