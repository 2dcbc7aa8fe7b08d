package org.gradphoto.payment;

import org.gradphoto.testsupport.MigrationContract;

/** The migrations of payment-service keep every row a baseline database holds. */
class SchemaMigrationTest extends MigrationContract {
  @Override
  protected String database() {
    return "payment";
  }
}
