import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useCareMode } from '../hooks/use-care-mode';
import { useDevPersonas } from '../hooks/use-dev-personas';
import DevPersonaBar from './dev-persona-bar';

/** Page root: applies 关怀模式 and, in H5 dev mode only, the persona bar. */
export default function PageShell({ children }: PropsWithChildren) {
  const [care] = useCareMode();
  const { devMode } = useDevPersonas();
  const cls = ['page', care ? 'care' : '', devMode ? 'dev' : ''].filter(Boolean).join(' ');
  return (
    <View className={cls}>
      {devMode ? <DevPersonaBar /> : null}
      {children}
    </View>
  );
}
