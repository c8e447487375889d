import { Button } from '@tarojs/components';
import { useDevPersonas } from '../hooks/use-dev-personas';
import type { DemoValues } from './demo-fill';

/** Dev mode only: fills the bind form with the chosen persona's demo data. */
export default function DemoFill({ onFill }: { onFill: (v: DemoValues) => void }) {
  const { devMode, chosen } = useDevPersonas();
  if (!devMode || !chosen?.bindWith) return null;
  const demo = chosen.bindWith;
  return (
    <Button className='btn plain' data-testid='demo-fill' onClick={() => onFill({ ...demo })}>
      填入演示数据（开发模式）
    </Button>
  );
}
