import { useEffect, type CSSProperties, type PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { CARE_SCALE, useCareMode, useTextScale } from '../hooks/use-care-mode';
import { useDevPersonas } from '../hooks/use-dev-personas';
import { makePageScrollersFocusable } from '../services/page-a11y';
import BackBar from './back-bar';
import DevPersonaBar from './dev-persona-bar';

/**
 * Page root: applies 关怀模式 and WeChat's own font setting (the `--k` factor every size of
 * app.scss goes through) and, in H5 dev mode only, the persona bar. `console`: a committee
 * page — the wide-screen layout (committee.scss) and, in the browser build, a 返回 bar.
 */
export default function PageShell({ children, console: isConsole = false }: PropsWithChildren<{ console?: boolean }>) {
  const [care] = useCareMode();
  const k = useTextScale();
  const { devMode } = useDevPersonas();
  useEffect(makePageScrollersFocusable, []);
  const cls = ['page', care ? 'care' : '', devMode ? 'dev' : '', isConsole ? 'console' : ''].filter(Boolean).join(' ');
  // Inline only when WeChat's own font setting changes the factor: the stylesheets already give
  // --k for 关怀模式, and an inline value would override the committee console's wide-screen --k
  // (committee.scss). A CSS custom property: React's CSSProperties has no index for `--*` names.
  const style = k === (care ? CARE_SCALE : 1) ? undefined : ({ '--k': String(k) } as unknown as CSSProperties);
  return (
    <View className={cls} style={style}>
      {devMode ? <DevPersonaBar /> : null}
      {isConsole ? <BackBar /> : null}
      {children}
    </View>
  );
}
