import { useEffect } from 'react';
import { Button } from '@tarojs/components';
import { useRevealPhone } from '../hooks/use-reveal-phone';
import { toast } from '../services/navigation';

/**
 * 拨打: reveals one voter's phone for this call (committee.revealPhone, audited and limited per
 * member per hour) and opens the dialler. The number itself is never shown on the page.
 */
export function DialButton({ electionId, voterId, name }: { electionId: string; voterId: string; name: string }) {
  const { call, pending, error } = useRevealPhone();
  // A refusal (no number kept, the hour's reveals used up) is told, not shown in the list.
  useEffect(() => {
    if (error) toast(error.message);
  }, [error]);
  const onTap = async () => {
    const problem = await call(electionId, voterId);
    if (problem) toast(problem);
  };
  return (
    <Button className='btn call-dial' data-testid='call-dial' disabled={pending || undefined} aria-label={`拨打${name}的电话`} onClick={() => void onTap()}>
      {pending ? '正在接通…' : '拨打'}
    </Button>
  );
}
