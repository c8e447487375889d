import { Button, Text, View } from '@tarojs/components';
import { useActionCall } from '../../../hooks/use-action';
import { confirmDialog, toast } from '../../../services/navigation';
import { unlockBinding } from '../../../contracts/binding-lock.contract';

/**
 * 解除绑定锁定: shown on a roll entry locked by too many wrong binding codes (identity.bind
 * ENTRY_LOCKED). The committee checks the person's ID card first, then unlocks (audited).
 */
export default function UnlockBindingButton({ electionId, voterId, name, onUnlocked }: { electionId: string; voterId: string; name: string; onUnlocked: () => void }) {
  const call = useActionCall(unlockBinding);
  const unlock = async () => {
    if (!(await confirmDialog('解除绑定锁定', `请先核对${name}本人的身份证。解锁后，本人可以重新用告知书上的绑定码绑定。`, '解锁'))) return;
    if (await call.run({ electionId, voterId })) {
      toast('已解锁');
      onUnlocked();
    }
  };
  return (
    <View>
      <Button className='btn plain' id={`unlock-${voterId}`} data-action='unlockBinding' disabled={call.pending} onClick={() => void unlock()}>
        解除绑定锁定
      </Button>
      {call.error ? <Text className='text small danger'>{call.error.message}</Text> : null}
    </View>
  );
}
