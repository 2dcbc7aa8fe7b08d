// The roster-based progress view (identity-service GET /batches/{id}/progress).

export type ProgressState =
  | 'ELIGIBLE'
  | 'NOT_STARTED'
  | 'STARTED'
  | 'PAID'
  | 'SUBMITTED'
  | 'IN_REVIEW'
  | 'TO_RETAKE'
  | 'PASSED'
  | 'COMPLETED'
  | 'DELIVERED'
  | 'MISSING'

export interface StateCount {
  state: ProgressState
  label: string
  count: number
}
export interface StudentProgress {
  entryId: string
  studentNumber: string
  name: string
  idNumberMasked: string
  degreeLevel: string
  bound: boolean
  collectionId: string | null
  state: ProgressState
  stateLabel: string
  paid: boolean
  statusAt: string | null
}
export interface ProgressBody {
  counts: StateCount[]
  matching: number
  page: number
  size: number
  items: StudentProgress[]
}

export const STATE_COLOURS: Partial<Record<ProgressState, string>> = {
  NOT_STARTED: 'red',
  STARTED: 'gold',
  IN_REVIEW: 'processing',
  TO_RETAKE: 'orange',
  PASSED: 'cyan',
  COMPLETED: 'green',
  DELIVERED: 'blue',
}

export function progressQuery(state: ProgressState | undefined, q: string, page?: number, size?: number) {
  const p = new URLSearchParams()
  if (state && state !== 'ELIGIBLE') p.set('state', state)
  if (q.trim()) p.set('q', q.trim())
  if (page != null) p.set('page', String(page))
  if (size != null) p.set('size', String(size))
  return p.toString()
}

/** Share of the roster in a state, for the cards (0 when the roster is empty). */
export function share(counts: StateCount[], state: ProgressState): number {
  const all = counts.find((c) => c.state === 'ELIGIBLE')?.count ?? 0
  const n = counts.find((c) => c.state === state)?.count ?? 0
  return all ? Math.round((n * 100) / all) : 0
}
