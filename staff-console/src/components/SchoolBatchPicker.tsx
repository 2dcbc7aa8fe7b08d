// Chooses the school and batch a school page works on. School admins pick among the schools of
// their token; operators search every school. The choice is kept for the other pages.
import { Select, Space } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useConsole } from '../context'

export interface School {
  code: string
  name: string
}
export interface Batch {
  id: string
  schoolCode: string
  name: string
  opensAt: string
  closesAt: string
  priceFen: number
  paymentPolicy: string
  specProfile: string
  eligibilityModes: string[]
  reviewPromise: string
  serviceDescription: string | null
  shootingRequirements: string | null
  allowSubmitWithFindings: boolean
  backgroundColours: string[]
  uploadMinBytes: number
  uploadMaxBytes: number
  [field: string]: unknown
}

const KEY = 'gradphoto.console.selection'

function kept(): { school?: string; batch?: string } {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}')
  } catch {
    return {}
  }
}

export function useSchoolBatch() {
  const { api, session } = useConsole()
  const initial = kept()
  const [school, setSchoolState] = useState<string | undefined>(initial.school ?? (session.allSchools ? undefined : session.schools[0]))
  const [batchId, setBatchState] = useState<string | undefined>(initial.batch)
  const [batches, setBatches] = useState<Batch[]>([])
  const [version, setVersion] = useState(0)

  const setSchool = (s?: string) => {
    setSchoolState(s)
    setBatchState(undefined)
    sessionStorage.setItem(KEY, JSON.stringify({ school: s }))
  }
  const setBatch = (b?: string) => {
    setBatchState(b)
    sessionStorage.setItem(KEY, JSON.stringify({ school, batch: b }))
  }
  const reload = useCallback(() => setVersion((v) => v + 1), [])

  useEffect(() => {
    if (!school) {
      setBatches([])
      return
    }
    let live = true
    api
      .get<Batch[]>(`identity/schools/${school}/batches`)
      .then((l) => {
        if (!live) return
        setBatches(l)
        setBatchState((b) => (b && l.some((x) => x.id === b) ? b : l[0]?.id))
      })
      .catch(() => live && setBatches([]))
    return () => {
      live = false
    }
  }, [api, school, version])

  return { school, setSchool, batchId, setBatch, batches, batch: batches.find((b) => b.id === batchId), reload }
}

export function SchoolPicker({ value, onChange }: { value?: string; onChange: (v?: string) => void }) {
  const { api, session } = useConsole()
  const [options, setOptions] = useState<School[]>([])
  const search = useCallback(
    (q: string) => {
      api
        .get<School[]>(`identity/schools?limit=20&q=${encodeURIComponent(q)}`)
        .then((l) => setOptions(session.allSchools ? l : l.filter((s) => session.schools.includes(s.code))))
        .catch(() => setOptions([]))
    },
    [api, session],
  )
  useEffect(() => {
    if (session.allSchools) search(value ?? '')
    else setOptions(session.schools.map((code) => ({ code, name: code })))
  }, [search, session, value])
  return (
    <Select
      id="pick-school"
      showSearch={session.allSchools ? { filterOption: false, onSearch: search } : undefined}
      style={{ width: 220 }}
      placeholder={session.allSchools ? '搜索学校名称或代码' : '选择学校'}
      value={value}
      onChange={onChange}
      options={options.map((s) => ({ value: s.code, label: s.name === s.code ? s.code : `${s.name}（${s.code}）` }))}
    />
  )
}

export function SchoolBatchPicker({ sel, noBatch }: { sel: ReturnType<typeof useSchoolBatch>; noBatch?: boolean }) {
  return (
    <Space wrap>
      <span>学校</span>
      <SchoolPicker value={sel.school} onChange={sel.setSchool} />
      {!noBatch && (
        <>
          <span>批次</span>
          <Select
            id="pick-batch"
            style={{ width: 240 }}
            placeholder="选择批次"
            value={sel.batchId}
            onChange={sel.setBatch}
            options={sel.batches.map((b) => ({ value: b.id, label: b.name }))}
            notFoundContent="该学校还没有批次"
          />
        </>
      )}
    </Space>
  )
}
