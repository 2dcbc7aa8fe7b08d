import { describe, expect, it } from 'vitest'
import { canAdminSchools, canReview, homeOf, navFor, sessionOf } from '../src/lib/session'

const b64 = (o: object) => btoa(unescape(encodeURIComponent(JSON.stringify(o)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const token = (claims: object) => `${b64({ alg: 'RS256' })}.${b64(claims)}.sig`

describe('the session read from a Keycloak access token', () => {
  it('takes the staff roles from realm_access and the schools claim, ignoring other roles', () => {
    const s = sessionOf(token({ sub: 'u1', name: '王老师', realm_access: { roles: ['default-roles-gradphoto', 'school-admin'] }, schools: ['10999'] }))
    expect(s).toMatchObject({ subject: 'u1', name: '王老师', roles: ['school-admin'], schools: ['10999'], allSchools: false })
  })

  it('treats a single school given as a string like a list', () => {
    expect(sessionOf(token({ sub: 'u', realm_access: { roles: ['reviewer'] }, schools: '10001' })).schools).toEqual(['10001'])
  })

  it('lets an operator act for every school', () => {
    expect(sessionOf(token({ sub: 'op', realm_access: { roles: ['operator'] } })).allSchools).toBe(true)
  })

  it('refuses something that is not a JWT', () => {
    expect(() => sessionOf('nonsense')).toThrow()
  })
})

describe('the menu follows the roles', () => {
  const s = (...roles: string[]) => sessionOf(token({ sub: 'x', realm_access: { roles }, schools: ['10999'] }))

  it('offers a reviewer only the review queue', () => {
    expect(navFor(s('reviewer')).map((n) => n.key)).toEqual(['/review'])
    expect(homeOf(s('reviewer'))).toBe('/review')
  })

  it('does not offer a school admin the reviewer’s claim controls, but the school pages', () => {
    const admin = s('school-admin')
    expect(canReview(admin)).toBe(false)
    expect(canAdminSchools(admin)).toBe(true)
    const keys = navFor(admin).map((n) => n.key)
    expect(keys).not.toContain('/review')
    expect(keys).toContain('/packages')
    expect(keys).not.toContain('/orders')
  })

  it('gives an operator review, the school pages and the operator pages', () => {
    const keys = navFor(s('operator')).map((n) => n.key)
    expect(keys).toEqual(expect.arrayContaining(['/review', '/batches', '/roster', '/packages', '/orders', '/notifications']))
  })

  it('sends a user without a staff role to the explanation page', () => {
    expect(navFor(s('default-roles-gradphoto'))).toEqual([])
    expect(homeOf(s())).toBe('/none')
  })
})
