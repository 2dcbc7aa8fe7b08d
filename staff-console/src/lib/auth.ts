// Sign-in with Keycloak through oidc-client-ts: authorization code + PKCE (S256), tokens kept in
// sessionStorage (closing the tab signs out of the console), renewed with the refresh token.
import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts'
import type { ConsoleConfig } from './config'

export interface Auth {
  /** Completes a sign-in if the address holds Keycloak's answer, else returns the kept user. */
  start(): Promise<User | null>
  signIn(): Promise<void>
  signOut(): Promise<void>
  accessToken(): Promise<string>
}

export function consoleRoot(): string {
  return window.location.origin + import.meta.env.BASE_URL
}

export function createAuth(config: ConsoleConfig): Auth {
  const manager = new UserManager({
    authority: config.oidcAuthority,
    client_id: config.clientId,
    redirect_uri: consoleRoot(),
    post_logout_redirect_uri: consoleRoot(),
    response_type: 'code',
    scope: 'openid',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    loadUserInfo: false,
  })
  // Set by signOut: a request that finds no token meanwhile must not start a new sign-in, whose
  // navigation would replace the logout's.
  let leaving = false
  const never = () => new Promise<never>(() => {})

  return {
    async start() {
      const q = new URLSearchParams(window.location.search)
      if (q.has('code') && q.has('state')) {
        const user = await manager.signinRedirectCallback()
        const route = (user.state as { route?: string } | undefined)?.route ?? ''
        window.history.replaceState(null, '', import.meta.env.BASE_URL + route.replace(/^\//, ''))
        return user
      }
      const user = await manager.getUser()
      return user && !user.expired ? user : null
    },
    async signIn() {
      if (leaving) return never()
      const route = window.location.pathname.slice(import.meta.env.BASE_URL.length)
      await manager.signinRedirect({ state: { route } })
      return never()
    },
    async signOut() {
      leaving = true
      await manager.signoutRedirect()
      return never()
    },
    async accessToken() {
      let user = await manager.getUser()
      if (user && (user.expires_in ?? 0) < 20 && user.refresh_token) {
        user = await manager.signinSilent().catch(() => null)
      }
      if (!user || user.expired) {
        await manager.removeUser()
        return this.signIn() as never
      }
      return user.access_token
    },
  }
}
