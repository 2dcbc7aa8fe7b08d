/** config.json beside index.html: where Keycloak and the gateway's API are (one build, any site). */
export interface ConsoleConfig {
  oidcAuthority: string
  clientId: string
  apiBase: string
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const r = await fetch(import.meta.env.BASE_URL + 'config.json', { cache: 'no-cache' })
  if (!r.ok) throw new Error(`config.json: HTTP ${r.status}`)
  const c = (await r.json()) as Partial<ConsoleConfig>
  if (!c.oidcAuthority || !c.clientId) throw new Error('config.json: oidcAuthority and clientId are required')
  return { oidcAuthority: c.oidcAuthority.replace(/\/+$/, ''), clientId: c.clientId, apiBase: c.apiBase ?? '/api' }
}
