export default definePageConfig({
  navigationBarTitleText: '选举设置',
});
