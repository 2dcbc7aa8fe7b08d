// The transport of the real app: Taro.request / Taro.uploadFile are wx.request /
// wx.uploadFile in the mini-program and fetch / XHR in H5.
import Taro from '@tarojs/taro'
import { ApiError } from '../lib/problem'
import type { HttpResponse, HttpTransport } from './http'

function networkError(err: unknown): ApiError {
  const msg = err && typeof err === 'object' && 'errMsg' in err ? String((err as { errMsg: unknown }).errMsg) : String(err)
  return new ApiError(0, undefined, true, msg)
}

export const taroTransport: HttpTransport = {
  async request(req) {
    try {
      const res = await Taro.request({
        url: req.url,
        method: req.method,
        header: req.headers,
        data: req.data as never,
        // parse ourselves: problem+json is JSON too, and an empty 204 is not
        dataType: 'text',
        responseType: 'text',
        timeout: req.timeoutMs,
      })
      return { status: res.statusCode, headers: (res.header ?? {}) as Record<string, string>, data: res.data } satisfies HttpResponse
    } catch (e) {
      throw networkError(e)
    }
  },
  upload(req) {
    return new Promise<HttpResponse>((resolve, reject) => {
      const task = Taro.uploadFile({
        url: req.url,
        filePath: req.filePath,
        name: req.name,
        formData: req.formData,
        header: req.headers,
        timeout: req.timeoutMs,
        success: (res) => resolve({ status: res.statusCode, headers: {}, data: res.data }),
        fail: (e) => reject(networkError(e)),
      })
      task?.onProgressUpdate?.((p) => req.onProgress?.(p.progress))
      if (task?.abort) req.onAbortable?.(() => task.abort())
    })
  },
}
