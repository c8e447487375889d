import { Button, Text, View } from '@tarojs/components';
import BindForm from '../../components/bind-form';
import EntryCard from '../../components/entry-card';
import PageShell from '../../components/page-shell';
import { ErrorView, Loading } from '../../components/state-views';
import TodoList from '../../components/todo-list';
import { useSession } from '../../hooks/session-store';
import { serverNow } from '../../hooks/use-countdown';
import { useUnbind } from '../../hooks/use-identity-actions';

/** 我的登记: bind when not bound; otherwise the own entry and what is left to do. */
export default function RegistrationPage() {
  const { status, whoami, mine, mineError, error, clockOffsetMs, reload } = useSession();
  const { unbind, pending } = useUnbind();

  if (status === 'idle' || (status === 'loading' && !whoami)) {
    return (
      <PageShell>
        <Loading />
      </PageShell>
    );
  }
  if ((status === 'error' && error) || !whoami) {
    return (
      <PageShell>
        <ErrorView error={error!} onRetry={reload} />
      </PageShell>
    );
  }

  if (!whoami.voter) {
    return (
      <PageShell>
        <BindForm lockedUntil={whoami.bindLockedUntil} nowMs={serverNow(clockOffsetMs)} />
      </PageShell>
    );
  }

  return (
    <PageShell>
      <EntryCard voter={mine?.voter ?? whoami.voter} />
      {mine ? <TodoList todo={mine.todo} /> : null}
      {mineError ? <ErrorView error={mineError} onRetry={reload} /> : null}
      <View className='card'>
        <Text className='text muted'>登记信息有错，请找村选举委员会更正，或在公布名单后提出异议。</Text>
        <Button className='btn plain' id='unbind' disabled={pending} onClick={unbind}>
          解除绑定
        </Button>
      </View>
    </PageShell>
  );
}
