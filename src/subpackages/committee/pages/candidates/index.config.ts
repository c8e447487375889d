export default definePageConfig({ navigationBarTitleText: '资格审查和退出' });
