package org.gradphoto.payment.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReconciliationCsvTest {

  @Test
  void cells_with_commas_or_quotes_are_quoted_and_formulas_defused() {
    assertEquals("\"退费, 延期\"", ReconciliationCsv.cell("退费, 延期"));
    assertEquals("\"say \"\"hi\"\"\"", ReconciliationCsv.cell("say \"hi\""));
    assertEquals("'=1+2", ReconciliationCsv.cell("=1+2"));
    assertEquals("", ReconciliationCsv.cell(null));
  }
}
