package org.gradphoto.kernel.testapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** State changed by the test app together with an outbox event. */
@Entity
public class TestAccount extends PanacheEntityBase {
  @Id public UUID id;
  public String name;
}
