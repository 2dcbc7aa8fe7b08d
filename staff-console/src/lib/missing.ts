// delivery-service's missing list (GET /schools/{s}/batches/{b}/missing-students): every student of
// the batch without a completed photo, never-started roster lines included — the same list the
// package's missing.csv is written from, so the page and the package never disagree.

export interface MissingStudent {
  /** null for a roster line nobody started */
  collectionId: string | null
  studentNumber: string | null
  studentName: string | null
  idNumberMasked: string | null
  status: string
  statusLabel: string
}

export const missingPath = (school: string, batchId: string) =>
  `delivery/schools/${encodeURIComponent(school)}/batches/${encodeURIComponent(batchId)}/missing-students`

/**
 * One CSV cell. A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR) gets a leading
 * apostrophe: names come from school rosters, and a CSV opened in Excel must not run them.
 */
function cell(v: string | null | undefined): string {
  let s = v ?? ''
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The list as missing.csv has it (学号, 姓名, 证件号码(脱敏), 状态), UTF-8 with a BOM for Excel. */
export function missingCsv(rows: MissingStudent[]): string {
  const lines = [['学号', '姓名', '证件号码(脱敏)', '状态'].join(',')]
  for (const r of rows) lines.push([r.studentNumber, r.studentName, r.idNumberMasked, r.statusLabel].map(cell).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}
