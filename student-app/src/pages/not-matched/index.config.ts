export default definePageConfig({ navigationBarTitleText: '无法采集' })
