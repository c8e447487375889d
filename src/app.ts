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
  // Ask who the caller is while the first page's code is still downloading: the page then finds
  // the session loading (useSession does not ask twice) instead of starting a round trip after
  // its own chunks arrive — on a slow phone that is ~1 s sooner. weapp keeps asking from the page,
  // after initCloud.
  (require('./hooks/session-store') as typeof import('./hooks/session-store')).refreshSession().catch(() => undefined);
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud();
  });
  // children are the pages.
  return children;
}

export default App;
