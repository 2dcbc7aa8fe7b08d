import { createContext, useContext } from 'react'
import type { Api } from './lib/api'
import type { Auth } from './lib/auth'
import type { ConsoleConfig } from './lib/config'
import type { Session } from './lib/session'

export interface ConsoleContextValue {
  config: ConsoleConfig
  auth: Auth
  api: Api
  session: Session
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null)

export function useConsole(): ConsoleContextValue {
  const c = useContext(ConsoleContext)
  if (!c) throw new Error('useConsole outside ConsoleContext')
  return c
}
