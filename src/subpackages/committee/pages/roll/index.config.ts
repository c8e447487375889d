export default definePageConfig({ navigationBarTitleText: '选民名册', enablePullDownRefresh: true });
