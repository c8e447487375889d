export default definePageConfig({
  navigationBarTitleText: '选举委员会工作台',
  enablePullDownRefresh: true,
});
