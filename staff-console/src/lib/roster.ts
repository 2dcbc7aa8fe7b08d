// The roster import's report as identity-service answers it, arranged for the screen: what was
// refused first, each refused line with its problems in Chinese.

export interface Problem {
  field: string
  message: string
}
export interface LineReport {
  line: number
  studentNumber: string | null
  outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED'
  problems: Problem[]
}
export interface ImportReport {
  total: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  lines: LineReport[]
}

export const OUTCOME_LABELS: Record<LineReport['outcome'], string> = {
  CREATED: '新增',
  UPDATED: '更新',
  UNCHANGED: '未变化',
  REJECTED: '未导入',
}

export const FIELD_LABELS: Record<string, string> = {
  school_code: '院校代码',
  school_name: '院校名称',
  student_number: '学号',
  name: '姓名',
  id_type: '证件类型',
  id_number: '证件号码',
  phone: '手机号',
  chsi_code: '学信网图像采集码',
  degree_level: '学历层次',
}

/** Refused lines first (in file order), then the rest; each with one readable sentence. */
export function reportRows(r: ImportReport) {
  const sorted = [...r.lines].sort((a, b) => Number(b.outcome === 'REJECTED') - Number(a.outcome === 'REJECTED') || a.line - b.line)
  return sorted.map((l) => ({
    ...l,
    text: l.problems.map((p) => (FIELD_LABELS[p.field] ? `${FIELD_LABELS[p.field]}：${p.message}` : p.message)).join('；'),
  }))
}

export function summary(r: ImportReport): string {
  const parts = [`共 ${r.total} 行`, `新增 ${r.created}`, `更新 ${r.updated}`, `未变化 ${r.unchanged}`]
  return r.rejected ? `${parts.join('，')}，${r.rejected} 行未导入：请修改后重新上传整个文件` : `${parts.join('，')}，全部导入成功`
}
