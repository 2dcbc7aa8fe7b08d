package org.gradphoto.identity.adapter.out.token;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gradphoto.identity.application.port.out.StudentTokenIssuer;
import org.gradphoto.identity.config.StudentTokenSettings;
import org.gradphoto.kernel.crypto.Sealer;
import org.gradphoto.kernel.logging.Redacted;
import org.jboss.logging.Logger;

/**
 * Signs student tokens with RS256. The key pairs are kept in this service's database (private half
 * sealed), so restarts and replicas sign with the same keys and tokens stay valid across them.
 *
 * <p>Keys rotate without downtime (issue #16, item 9): every {@code key-refresh} each replica looks
 * at the keys again under an advisory lock, so a key another replica made is used here without a
 * restart. When the signing key is older than {@code key-rotation}, a new key is added; it is in
 * the JWKS for twice the refresh time before anyone signs with it (every verifier can learn it
 * first), and the old key is retired — leaves the JWKS — only once every token it can have signed
 * has expired.
 */
@Startup
@ApplicationScoped
class RsaStudentTokenIssuer implements StudentTokenIssuer {
  private static final Logger LOG = Logger.getLogger(RsaStudentTokenIssuer.class);
  private static final String GROUP = "student";
  private static final String ACTIVE =
      "select kid, public_key, private_key_sealed, created_at from signing_key"
          + " where retired_at is null order by created_at desc";

  private final Pool pool;
  private final Sealer sealer;
  private final StudentTokenSettings settings;
  // Made off the event loop (at startup, then after each use); stored when a key is needed.
  private volatile KeyPair candidate;
  private volatile SigningKey current;

  RsaStudentTokenIssuer(Pool pool, Sealer sealer, StudentTokenSettings settings) {
    this.pool = pool;
    this.sealer = sealer;
    this.settings = settings;
    this.candidate = generate();
  }

  /** Read by payment-service (JSAPI payer) and delivery-service (subscribe-message consent). */
  static final String OPENID_CLAIM = "openid";

  private record SigningKey(String kid, PrivateKey privateKey, long loadedAt) {}

  private record StoredKey(String kid, String privateKeySealed, Instant createdAt) {}

  @Override
  public Uni<IssuedToken> issue(UUID studentId, String openid) {
    return signingKey()
        .map(
            key -> {
              Instant now = Instant.now();
              long lifetime = settings.lifetime().toSeconds();
              String token =
                  Jwt.issuer(settings.issuer())
                      .subject(studentId.toString())
                      .groups(Set.of(GROUP))
                      .claim(OPENID_CLAIM, openid)
                      .issuedAt(now)
                      .expiresAt(now.plusSeconds(lifetime))
                      .jws()
                      .algorithm(SignatureAlgorithm.RS256)
                      .keyId(key.kid())
                      .sign(key.privateKey());
              return new IssuedToken(token, lifetime);
            });
  }

  @Override
  public Uni<Map<String, Object>> jwks() {
    return signingKey()
        .chain(ignored -> pool.query(ACTIVE).execute())
        .map(
            rows -> {
              List<Map<String, Object>> keys = new ArrayList<>();
              for (Row r : rows) {
                keys.add(jwk(r.getString("kid"), publicKey(r.getString("public_key"))));
              }
              return Map.of("keys", keys);
            });
  }

  private Uni<SigningKey> signingKey() {
    SigningKey k = current;
    if (k != null && System.nanoTime() - k.loadedAt() < settings.keyRefresh().toNanos()) {
      return Uni.createFrom().item(k);
    }
    Uni<SigningKey> refreshed = refresh().invoke(loaded -> current = loaded);
    if (k == null) {
      return refreshed;
    }
    // The database out for a moment: keep signing with the key known a minute ago.
    return refreshed
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf(
                  "signing keys not refreshed, still signing with %s: %s",
                  k.kid(), Redacted.of(failure));
              return k;
            });
  }

  /** An advisory lock makes replicas agree on one key, one rotation and one retirement. */
  private Uni<SigningKey> refresh() {
    return pool.withTransaction(
        c ->
            c.query("select 1 from pg_advisory_xact_lock(7347001)")
                .execute()
                .chain(() -> c.query(ACTIVE).execute())
                .chain(
                    rows -> {
                      List<StoredKey> keys = new ArrayList<>();
                      for (Row r : rows) {
                        keys.add(
                            new StoredKey(
                                r.getString("kid"),
                                r.getString("private_key_sealed"),
                                r.getOffsetDateTime("created_at").toInstant()));
                      }
                      Instant now = Instant.now();
                      if (keys.isEmpty()) {
                        return add(c, now);
                      }
                      StoredKey signing = signingOf(keys, now);
                      Uni<Void> rotated = Uni.createFrom().voidItem();
                      if (signing == keys.get(0)
                          && signing.createdAt().plus(settings.keyRotation()).isBefore(now)) {
                        rotated = add(c, now).replaceWithVoid();
                      }
                      List<String> retire = retirable(keys, signing, now);
                      Uni<Void> retired =
                          retire.isEmpty()
                              ? Uni.createFrom().voidItem()
                              : c.preparedQuery(
                                      "update signing_key set retired_at = $2"
                                          + " where kid = any($1) and retired_at is null")
                                  .execute(
                                      Tuple.of(
                                          retire.toArray(String[]::new),
                                          now.atOffset(ZoneOffset.UTC)))
                                  .replaceWithVoid();
                      return rotated
                          .chain(() -> retired)
                          .replaceWith(
                              () ->
                                  new SigningKey(
                                      signing.kid(),
                                      privateKey(sealer.open(signing.privateKeySealed())),
                                      System.nanoTime()));
                    }));
  }

  /** Twice the refresh time: every replica and verifier has looked at the keys since. */
  private Duration publication() {
    return settings.keyRefresh().multipliedBy(2);
  }

  /**
   * The newest key published long enough; a fresh database's first key (nothing published before
   * it) signs at once. {@code keys} newest first.
   */
  private StoredKey signingOf(List<StoredKey> keys, Instant now) {
    Instant published = now.minus(publication());
    for (StoredKey k : keys) {
      if (!k.createdAt().isAfter(published)) {
        return k;
      }
    }
    return keys.get(keys.size() - 1);
  }

  /**
   * Keys older than the signing one whose last token has expired: no replica signs with them once
   * the signing key was published and every replica refreshed, and a token lives {@code lifetime}.
   */
  private List<String> retirable(List<StoredKey> keys, StoredKey signing, Instant now) {
    Instant lastUse = signing.createdAt().plus(publication()).plus(settings.keyRefresh());
    if (!lastUse.plus(settings.lifetime()).isBefore(now)) {
      return List.of();
    }
    return keys.stream()
        .filter(k -> k.createdAt().isBefore(signing.createdAt()))
        .map(StoredKey::kid)
        .toList();
  }

  /** Stores the prepared key pair; a new one is made off the event loop for the next time. */
  private Uni<SigningKey> add(SqlConnection c, Instant now) {
    KeyPair pair = candidate;
    if (pair == null) {
      // A rotation right after the last one: the next refresh will find the pair ready.
      return Uni.createFrom().nullItem();
    }
    candidate = null;
    Infrastructure.getDefaultWorkerPool().execute(() -> candidate = generate());
    String kid = UUID.randomUUID().toString();
    return c.preparedQuery(
            "insert into signing_key (kid, public_key, private_key_sealed, created_at)"
                + " values ($1, $2, $3, $4)")
        .execute(
            Tuple.of(
                kid,
                b64(pair.getPublic().getEncoded()),
                sealer.seal(b64(pair.getPrivate().getEncoded())),
                now.atOffset(ZoneOffset.UTC)))
        .invoke(() -> LOG.infof("new student-token signing key %s", kid))
        .replaceWith(new SigningKey(kid, pair.getPrivate(), System.nanoTime()));
  }

  private static Map<String, Object> jwk(String kid, RSAPublicKey key) {
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("kty", "RSA");
    jwk.put("use", "sig");
    jwk.put("alg", "RS256");
    jwk.put("kid", kid);
    jwk.put("n", unsigned(key.getModulus()));
    jwk.put("e", unsigned(key.getPublicExponent()));
    return jwk;
  }

  private static String unsigned(BigInteger v) {
    byte[] bytes = v.toByteArray();
    int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    byte[] out = new byte[bytes.length - start];
    System.arraycopy(bytes, start, out, 0, out.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static RSAPublicKey publicKey(String b64) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored signing key is unreadable", e);
    }
  }

  private static PrivateKey privateKey(String b64) {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored signing key is unreadable", e);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
