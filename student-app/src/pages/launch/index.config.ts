export default definePageConfig({ navigationBarTitleText: '毕业图像采集' })
