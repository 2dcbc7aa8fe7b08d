// Who is signed in, read from the Keycloak access token: realm roles and the `schools` claim are
// what every service checks, so the console offers exactly what the services will allow.

export type StaffRole = 'reviewer' | 'school-admin' | 'school-viewer' | 'operator'
export const STAFF_ROLES: StaffRole[] = ['reviewer', 'school-admin', 'school-viewer', 'operator']
export const ROLE_LABELS: Record<StaffRole, string> = {
  reviewer: '审核员',
  'school-admin': '学校管理员',
  'school-viewer': '学校只读',
  operator: '运营',
}

export interface Session {
  subject: string
  name: string
  roles: StaffRole[]
  /** School codes this user acts for; operators act for all schools (allSchools). */
  schools: string[]
  allSchools: boolean
}

function base64UrlDecode(part: string): string {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=')
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
  return new TextDecoder().decode(bytes)
}

export function claimsOf(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.')
  if (parts.length !== 3) throw new Error('not a JWT')
  return JSON.parse(base64UrlDecode(parts[1])) as Record<string, unknown>
}

function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String)
  if (typeof v === 'string' && v) return [v]
  return []
}

export function sessionOf(accessToken: string): Session {
  const c = claimsOf(accessToken)
  const realm = (c.realm_access as { roles?: unknown } | undefined)?.roles
  const all = new Set([...strings(realm), ...strings(c.groups)])
  const roles = STAFF_ROLES.filter((r) => all.has(r))
  return {
    subject: String(c.sub ?? ''),
    name: String(c.name ?? c.preferred_username ?? c.sub ?? ''),
    roles,
    schools: strings(c.schools),
    allSchools: roles.includes('operator'),
  }
}

export const has = (s: Session, r: StaffRole) => s.roles.includes(r)

/** The reviewer's claim and decision controls: reviewers and operators (review-service's rule). */
export const canReview = (s: Session) => has(s, 'reviewer') || has(s, 'operator')
/** Batches, rosters, progress and packages: school admins for their schools, operators for all. */
export const canAdminSchools = (s: Session) => has(s, 'school-admin') || has(s, 'operator')
/**
 * Rosters, progress and ready packages, read only: a read-only school account (`school-viewer`)
 * too. It never edits a batch or roster and never requests a package (a package locks the
 * collections it holds as delivered).
 */
export const canViewSchools = (s: Session) => canAdminSchools(s) || has(s, 'school-viewer')
export const isOperator = (s: Session) => has(s, 'operator')

export interface NavItem {
  key: string
  label: string
  group: string
}

/** The menu: only what this user's roles allow. */
export function navFor(s: Session): NavItem[] {
  const items: NavItem[] = []
  if (canReview(s)) items.push({ key: '/review', label: '照片审核', group: '审核' })
  if (canAdminSchools(s)) {
    items.push(
      { key: '/batches', label: '批次设置', group: '学校' },
      { key: '/roster', label: '名单导入', group: '学校' },
      { key: '/progress', label: '采集进度', group: '学校' },
      { key: '/packages', label: '照片打包', group: '学校' },
    )
  } else if (canViewSchools(s)) {
    items.push(
      { key: '/roster', label: '学生名单', group: '学校' },
      { key: '/progress', label: '采集进度', group: '学校' },
      { key: '/packages', label: '照片包下载', group: '学校' },
    )
  }
  if (isOperator(s)) {
    items.push(
      { key: '/orders', label: '订单与退款', group: '运营' },
      { key: '/unbind', label: '解除绑定', group: '运营' },
      { key: '/notifications', label: '通知记录', group: '运营' },
      { key: '/dead-letters', label: '死信消息', group: '运营' },
    )
  }
  return items
}

/** Where a user lands after signing in: the first thing their roles offer. */
export const homeOf = (s: Session) => navFor(s)[0]?.key ?? '/none'
