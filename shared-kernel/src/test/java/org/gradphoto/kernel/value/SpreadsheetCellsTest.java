package org.gradphoto.kernel.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {
  @Test
  void every_formula_start_gets_an_apostrophe_and_ordinary_text_stays() {
    for (String attack :
        new String[] {"=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}) {
      assertEquals("'" + attack, SpreadsheetCells.neutralise(attack));
    }
    assertEquals("张三", SpreadsheetCells.neutralise("张三"));
    assertEquals("", SpreadsheetCells.neutralise(null));
  }

  @Test
  void csv_fields_are_neutralised_before_they_are_quoted() {
    assertEquals("\"'=1,2\"", SpreadsheetCells.csv("=1,2"));
    assertEquals("\"say \"\"hi\"\"\"", SpreadsheetCells.csv("say \"hi\""));
    assertEquals("\"'\r=1\"", SpreadsheetCells.csv("\r=1"));
  }
}
