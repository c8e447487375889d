/**
 * Main package: the four village-facing tabs only (WeChat requires tab pages there). Everything
 * else is a sub-package: committee work that only committee members open (the server still checks
 * the role on every call), and the villager's occasional pages. The notice detail a push card
 * opens is a sub-package of its own (~9 KB), preloaded from 首页 and 公告 so opening a notice from
 * the list does not wait for it; a card opened cold downloads just that.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/notices/index', 'pages/registration/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'subpackages/committee',
      name: 'committee',
      pages: ['pages/dashboard/index', 'pages/roll/index', 'pages/import/index', 'pages/objections/index', 'pages/notices/index', 'pages/notices-compose/index', 'pages/notices-stats/index', 'pages/election-setup/index', 'pages/nominations/index', 'pages/candidates/index', 'pages/paper-nomination/index', 'pages/proxies/index', 'pages/check-in/index'],
    },
    // Villager pages used a few days a term (提名, 核验回执, 委托投票): loaded only when opened.
    { root: 'subpackages/village', name: 'village', pages: ['pages/nominate/index', 'pages/verify/index', 'pages/proxy-mine/index', 'pages/proxy-request/index', 'pages/proxy-incoming/index'] },
    { root: 'subpackages/township', name: 'township', pages: ['pages/overview/index', 'pages/duplicates/index', 'pages/members/index'] },
    // 公告详情 (NOTICE_DETAIL_PAGE, the page a push card opens).
    { root: 'subpackages/notice', name: 'notice', pages: ['pages/detail/index'] },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['notice'] },
    'pages/notices/index': { network: 'all', packages: ['notice'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#b3261e',
    navigationBarTitleText: '村选通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f1ea',
  },
  tabBar: {
    color: '#333333',
    selectedColor: '#b3261e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-on.png' },
      { pagePath: 'pages/notices/index', text: '公告', iconPath: 'assets/tab/notice.png', selectedIconPath: 'assets/tab/notice-on.png' },
      { pagePath: 'pages/registration/index', text: '我的登记', iconPath: 'assets/tab/card.png', selectedIconPath: 'assets/tab/card-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-on.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
});
