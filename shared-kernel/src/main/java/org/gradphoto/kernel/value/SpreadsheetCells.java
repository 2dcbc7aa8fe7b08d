package org.gradphoto.kernel.value;

/**
 * Cells of exported spreadsheets (CSV and XLSX) that staff open in Excel or WPS: a value that
 * starts with {@code = + - @}, a tab or a carriage return would be read as a formula (a student's
 * name {@code =HYPERLINK(...)} runs when the school opens the manifest), so it gets a leading
 * apostrophe, which spreadsheets show as text.
 */
public final class SpreadsheetCells {
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private SpreadsheetCells() {}

  /** The value as a spreadsheet must hold it: never null, never a formula. */
  public static String neutralise(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  /** One CSV field: neutralised, then quoted as RFC 4180 asks when it holds , " or a line break. */
  public static String csv(String value) {
    String v = neutralise(value);
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
