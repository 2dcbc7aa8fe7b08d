import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { setBatchStore } from './lib/batch'
import './app.css'

// the batch the student last looked at survives a reload (its support phone, texts)
setBatchStore({ get: (k) => Taro.getStorageSync(k) || null, set: (k, v) => Taro.setStorageSync(k, v) })

function App({ children }: PropsWithChildren) {
  // children are the pages
  return children
}

export default App
