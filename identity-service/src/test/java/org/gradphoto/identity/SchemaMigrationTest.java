package org.gradphoto.identity;

import org.gradphoto.testsupport.MigrationContract;

/** The migrations of identity-service keep every row a baseline database holds. */
class SchemaMigrationTest extends MigrationContract {
  @Override
  protected String database() {
    return "identity";
  }
}
