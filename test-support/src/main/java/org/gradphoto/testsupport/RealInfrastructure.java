package org.gradphoto.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the real PostgreSQL, Kafka and S3 servers a service's tests need and hands their addresses
 * to Quarkus. Servers are shared by every test class of the JVM, so a Quarkus restart between test
 * classes does not restart them.
 *
 * <p>Init args: {@code database} (name of the service's database, required), {@code s3} ("false" to
 * skip the S3 server).
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {
  private String database = "app";
  private boolean s3 = true;

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", database);
    s3 = !"false".equals(initArgs.get("s3"));
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.reactive.url", RealPostgres.database(database));
    // Flyway migrates over JDBC at start, as in production.
    config.put("quarkus.datasource.jdbc.url", RealPostgres.jdbcUrl(database));
    config.put("quarkus.datasource.username", "postgres");
    config.put("quarkus.datasource.password", "postgres");
    config.put("kafka.bootstrap.servers", RealKafka.bootstrapServers());
    // Student tokens minted by StudentTokens verify against this key (see the student tenant).
    config.put("quarkus.oidc.student.public-key", StudentTokens.publicKeyBase64());
    config.put("quarkus.oidc.student.token.issuer", StudentTokens.ISSUER);
    if (s3) {
      config.put("gradphoto.s3.endpoint", RealS3.endpoint());
      config.put("gradphoto.s3.access-key", RealS3.ACCESS_KEY);
      config.put("gradphoto.s3.secret-key", RealS3.SECRET_KEY);
    }
    return config;
  }

  @Override
  public void stop() {
    // The servers live as long as the JVM; see the class comment.
  }
}
