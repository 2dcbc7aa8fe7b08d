// Dead letters: every service parks the events its consumers could not apply on its own
// dead-letter topic and lists them at GET /ops/dead-letters (operator). A replay applies one through
// the service's own consumer of the channel it came from, at once (409 with the reason when it fails
// again; the message stays parked); an event applied already is skipped, so a replay can only
// complete what failed.
import type { Api } from './api'

/** The services with a dead-letter listing, as the gateway names them (/api/<name>/). */
export const SERVICES = [
  { name: 'identity', label: '身份与名单' },
  { name: 'payment', label: '支付' },
  { name: 'capture', label: '拍摄' },
  { name: 'review', label: '审核' },
  { name: 'delivery', label: '交付' },
] as const

export type ServiceName = (typeof SERVICES)[number]['name']

/** One parked message as a service lists it (kernel DeadLetters.Entry). */
export interface DeadLetter {
  topic: string
  partition: number
  offset: number
  parkedAt: string
  key: string | null
  eventId: string | null
  type: string | null
  fromTopic: string | null
  channel: string | null
  failure: string | null
  applied: boolean
}

export interface DeadLetterRow extends DeadLetter {
  service: ServiceName
  /** Unique in the whole listing (a topic's partition and offset, per service). */
  id: string
}

export interface DeadLetterListing {
  rows: DeadLetterRow[]
  /** Services that did not answer: their dead letters are not in `rows`. */
  unavailable: { service: ServiceName; message: string }[]
}

/** Asks every service at once; one service down leaves the others' dead letters listed. */
export async function loadDeadLetters(api: Api, only?: ServiceName): Promise<DeadLetterListing> {
  const asked = SERVICES.filter((s) => !only || s.name === only)
  const answers = await Promise.allSettled(asked.map((s) => api.get<DeadLetter[]>(`${s.name}/ops/dead-letters`)))
  const listing: DeadLetterListing = { rows: [], unavailable: [] }
  answers.forEach((a, i) => {
    const service = asked[i].name
    if (a.status === 'fulfilled') {
      for (const d of a.value ?? []) {
        listing.rows.push({ ...d, service, id: `${service}:${d.topic}:${d.partition}:${d.offset}` })
      }
    } else {
      listing.unavailable.push({ service, message: (a.reason as Error)?.message ?? String(a.reason) })
    }
  })
  // Newest first: what an operator looks for is what just broke.
  listing.rows.sort((x, y) => y.parkedAt.localeCompare(x.parkedAt))
  return listing
}

/**
 * Whether the backend offers a replay: it needs the channel the message came in on (a topic the
 * service still consumes), and a message whose event was applied since (replayed already, or
 * delivered again) has nothing left to do.
 */
export const canReplay = (d: DeadLetter) => !!d.channel && !d.applied

export const replayPath = (d: DeadLetterRow) =>
  `${d.service}/ops/dead-letters/${encodeURIComponent(d.topic)}/${d.partition}/${d.offset}/replay`

export async function replay(api: Api, d: DeadLetterRow): Promise<DeadLetter> {
  return api.send<DeadLetter>('POST', replayPath(d))
}

export const serviceLabel = (name: ServiceName) => SERVICES.find((s) => s.name === name)?.label ?? name

/** What state a parked message is in, in words an operator reads. */
export function stateOf(d: DeadLetter): { label: string; color: string } {
  if (d.applied) return { label: '已生效', color: 'green' }
  if (!d.fromTopic) return { label: '无法重放（无来源主题）', color: 'default' }
  if (!d.channel) return { label: '无法重放（本服务已不再订阅来源主题）', color: 'default' }
  return { label: '未生效', color: 'red' }
}
