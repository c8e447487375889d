import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initCloud } from './services/cloud';
import { redirectMovedPages } from './services/moved-pages';
import './app.scss';

// Registered before any page opens: a push card sent before a page moved opens it at launch.
if (process.env.TARO_ENV === 'weapp') redirectMovedPages();

if (process.env.TARO_ENV === 'h5') {
  // Dead code in the weapp build: webpack drops the branch after TARO_ENV is replaced.
  require('./app.h5.scss');
  // identity.whoami is already on its way: index.html asks for it while the scripts download,
  // and 首页's session adopts that reply (services/whoami-prefetch.h5.ts). Not asking from here
  // keeps zod and the contracts out of app.js (首页's preloaded chunks carry them).
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud();
  });
  // children are the pages.
  return children;
}

export default App;
