export default definePageConfig({ navigationBarTitleText: '别人委托我投票' });
