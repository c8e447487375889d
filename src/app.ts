import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initCloud } from './services/cloud';
import './app.scss';

if (process.env.TARO_ENV === 'h5') {
  // Dead code in the weapp build: webpack drops the branch after TARO_ENV is replaced.
  require('./app.h5.scss');
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud();
  });
  // children are the pages.
  return children;
}

export default App;
