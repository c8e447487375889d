export default definePageConfig({ navigationBarTitleText: '办理委托投票' });
