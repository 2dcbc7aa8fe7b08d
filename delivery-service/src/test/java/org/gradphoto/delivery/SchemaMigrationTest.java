package org.gradphoto.delivery;

import org.gradphoto.testsupport.MigrationContract;

/** The migrations of delivery-service keep every row a baseline database holds. */
class SchemaMigrationTest extends MigrationContract {
  @Override
  protected String database() {
    return "delivery";
  }
}
