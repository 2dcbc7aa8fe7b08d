package org.gradphoto.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Student tokens for tests of services other than identity-service: signed like identity-service
 * signs them (RS256, issuer {@code gradphoto-identity}, role {@code student}) with a key pair made
 * for this JVM, whose public half {@link RealInfrastructure} hands to the {@code student} tenant.
 */
public final class StudentTokens {
  public static final String ISSUER = "gradphoto-identity";
  private static final KeyPair KEYS = generate();

  private StudentTokens() {}

  public static String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
  }

  /** A valid bearer token for the student with this id. */
  public static String forStudent(UUID studentId) {
    return Jwt.issuer(ISSUER)
        .subject(studentId.toString())
        .groups(Set.of("student"))
        .expiresIn(600)
        .jws()
        .keyId("test")
        .sign(KEYS.getPrivate());
  }

  /** The same for a student signed in from the mini-program: the token names their openid. */
  public static String forStudent(UUID studentId, String openid) {
    return Jwt.issuer(ISSUER)
        .subject(studentId.toString())
        .groups(Set.of("student"))
        .claim("openid", openid)
        .expiresIn(600)
        .jws()
        .keyId("test")
        .sign(KEYS.getPrivate());
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
