import Taro from '@tarojs/taro';

/** Cloud init once at launch; CLOUD_ENV '' means the mini-program's default environment. */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const env = typeof CLOUD_ENV === 'string' ? CLOUD_ENV : '';
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
}
