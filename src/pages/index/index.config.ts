export default definePageConfig({
  navigationBarTitleText: '村选通',
  enablePullDownRefresh: true,
});
