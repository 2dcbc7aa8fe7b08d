package org.gradphoto.kernel.testapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** How many times the test consumer applied an event for an aggregate. */
@Entity
public class Tally extends PanacheEntityBase {
  @Id public UUID aggregateId;
  public int applied;
}
