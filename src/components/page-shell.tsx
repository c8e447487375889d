import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useCareMode } from '../hooks/use-care-mode';
import { useDevPersonas } from '../hooks/use-dev-personas';
import BackBar from './back-bar';
import DevPersonaBar from './dev-persona-bar';

/**
 * Page root: applies 关怀模式 and, in H5 dev mode only, the persona bar. `console`: a committee
 * page — the wide-screen layout (committee.scss) and, in the browser build, a 返回 bar.
 */
export default function PageShell({ children, console: isConsole = false }: PropsWithChildren<{ console?: boolean }>) {
  const [care] = useCareMode();
  const { devMode } = useDevPersonas();
  const cls = ['page', care ? 'care' : '', devMode ? 'dev' : '', isConsole ? 'console' : ''].filter(Boolean).join(' ');
  return (
    <View className={cls}>
      {devMode ? <DevPersonaBar /> : null}
      {isConsole ? <BackBar /> : null}
      {children}
    </View>
  );
}
