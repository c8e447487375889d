export default definePageConfig({ navigationBarTitleText: '重复登记', enablePullDownRefresh: true });
