export default definePageConfig({ navigationBarTitleText: '服务内容' })
