package org.gradphoto.identity.adapter.out.token;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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
import java.time.Instant;
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

/**
 * Signs student tokens with RS256. The key pair is made once and kept in this service's database
 * (private half sealed with the AES-GCM key), so restarts and replicas sign with the same key and
 * tokens stay valid across them; the JWKS lists every unretired key so a rotation (insert a newer
 * key, retire the old one after the token lifetime) needs no downtime.
 */
@Startup
@ApplicationScoped
class RsaStudentTokenIssuer implements StudentTokenIssuer {
  private static final String GROUP = "student";
  private static final String ACTIVE =
      "select kid, public_key, private_key_sealed from signing_key where retired_at is null"
          + " order by created_at desc";

  private final Pool pool;
  private final Sealer sealer;
  private final StudentTokenSettings settings;
  // Made at startup off the event loop; stored only if the database holds no key yet.
  private final KeyPair candidate;
  private volatile SigningKey current;

  RsaStudentTokenIssuer(Pool pool, Sealer sealer, StudentTokenSettings settings) {
    this.pool = pool;
    this.sealer = sealer;
    this.settings = settings;
    this.candidate = generate();
  }

  private record SigningKey(String kid, PrivateKey privateKey) {}

  @Override
  public Uni<IssuedToken> issue(UUID studentId) {
    return signingKey()
        .map(
            key -> {
              Instant now = Instant.now();
              long lifetime = settings.lifetime().toSeconds();
              String token =
                  Jwt.issuer(settings.issuer())
                      .subject(studentId.toString())
                      .groups(Set.of(GROUP))
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
    if (k != null) {
      return Uni.createFrom().item(k);
    }
    return loadOrCreate().invoke(loaded -> current = loaded);
  }

  /** An advisory lock makes replicas starting together agree on one key. */
  private Uni<SigningKey> loadOrCreate() {
    return pool.withTransaction(
        c ->
            c.query("select 1 from pg_advisory_xact_lock(7347001)")
                .execute()
                .chain(() -> c.query(ACTIVE).execute())
                .chain(
                    rows -> {
                      if (rows.size() > 0) {
                        Row r = rows.iterator().next();
                        return Uni.createFrom()
                            .item(
                                new SigningKey(
                                    r.getString("kid"),
                                    privateKey(sealer.open(r.getString("private_key_sealed")))));
                      }
                      String kid = UUID.randomUUID().toString();
                      return c.preparedQuery(
                              "insert into signing_key (kid, public_key, private_key_sealed,"
                                  + " created_at) values ($1, $2, $3, now())")
                          .execute(
                              Tuple.of(
                                  kid,
                                  b64(candidate.getPublic().getEncoded()),
                                  sealer.seal(b64(candidate.getPrivate().getEncoded()))))
                          .replaceWith(new SigningKey(kid, candidate.getPrivate()));
                    }));
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
