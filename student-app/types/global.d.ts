/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.jpg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony' | 'jdrn'
    TARO_APP_ID: string
  }
}

/** Base URL of the API gateway; '' in H5 (same origin), set for the mini-program build. */
declare const API_BASE: string
declare const REVIEW_TEMPLATE_ID: string
