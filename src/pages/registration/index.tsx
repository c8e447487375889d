import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import BindForm from '../../components/bind-form';
import EntryCard from '../../components/entry-card';
import PageShell from '../../components/page-shell';
import RegApplyForm from '../../components/reg-apply-form';
import RegEntryActions from '../../components/reg-entry-actions';
import RegMyObjections from '../../components/reg-my-objections';
import NoticeSubscribeCard from '../../components/notice-subscribe-card';
import RegObjectionForm, { RegSelfObjectionForm, type ObjectorStanding } from '../../components/reg-objection-form';
import { ErrorView, Loading } from '../../components/state-views';
import TodoList from '../../components/todo-list';
import { useSession } from '../../hooks/session-store';
import { serverNow } from '../../hooks/use-countdown';
import { useUnbind } from '../../hooks/use-identity-actions';
import { useMyObjections, type FileObjectionInput } from '../../hooks/use-registration-actions';
import { routeElectionId } from '../../hooks/use-route-params';
import { beijingDay } from '../../services/format';

/**
 * 我的登记: bind when not bound (or, not on the roll, apply as category C, or object that one is
 * missing from the published list); otherwise the own entry, what is left to do, confirm /
 * declare, and objections with their decisions — someone whose own entry is not on the list may
 * object about that entry only.
 */
export default function RegistrationPage() {
  const { status, whoami, mine, mineError, error, clockOffsetMs, loadedAt, reload } = useSession();
  const { unbind, pending } = useUnbind();
  const [mode, setMode] = useState<'main' | 'apply' | 'object' | 'selfObject'>('main');
  const election = mine?.election ?? whoami?.elections.find((e) => e.id === whoami.voter?.electionId) ?? null;
  // Objections exist only once the voter list is published (the objections phase and later).
  const listPublished = !!election && election.phase !== 'preparation' && election.phase !== 'registration';
  // Objections are followed by WeChat user: a bound voter once the list is out, and anyone not bound (who may have objected unbound).
  const unbound = !!whoami && !whoami.voter;
  const objections = useMyObjections((!!whoami?.voter && listPublished) || unbound, `${whoami?.voter?.id ?? ''}:${loadedAt}`);
  /** Both objection forms: filing returns to the page, cancelling clears the refusal. */
  const objectionFormProps = {
    pending: objections.filing,
    error: objections.fileError,
    onSubmit: async (input: FileObjectionInput) => {
      const ok = await objections.file(input);
      if (ok) setMode('main');
      return ok;
    },
    onCancel: () => {
      objections.clearFileError();
      setMode('main');
    },
  };

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
    const today = beijingDay(serverNow(clockOffsetMs));
    // Assumption: the poster's QR code opens this page with ?electionId=…; otherwise the
    // election the caller is already related to.
    const electionId = routeElectionId() ?? whoami.elections[0]?.id ?? null;
    const filed = objections.list.data?.objections ?? [];
    return (
      <PageShell>
        {mode === 'apply' ? (
          <RegApplyForm electionId={electionId} today={today} onCancel={() => setMode('main')} />
        ) : mode === 'selfObject' ? (
          <RegSelfObjectionForm
            electionId={electionId}
            {...objectionFormProps}
          />
        ) : (
          <View>
            <BindForm lockedUntil={whoami.bindLockedUntil} nowMs={serverNow(clockOffsetMs)} />
            {filed.length ? <RegMyObjections items={filed} error={objections.list.error} unbound /> : null}
            {objections.list.data && filed.some((o) => o.status === 'open') ? (
              <NoticeSubscribeCard
                pushesOwed={objections.list.data.pushesOwed}
                templateId={objections.list.data.subscribeTemplateId}
                owedText={(n) => (n > 0 ? '选举委员会答复您的异议时，会在微信里提醒您。' : '现在答复了也不会在微信里提醒您。')}
                prompt='想在选举委员会答复时收到微信提醒，请点下面的按钮，再点“允许”。'
                onRecorded={() => void objections.list.reload()}
              />
            ) : null}
            <View className='card' data-testid='not-on-roll'>
              <Text className='card-title'>我不在名单上</Text>
              <Text className='text'>户籍不在本村、但在本村居住的，可以申请登记。</Text>
              <Button className='btn secondary' id='go-apply' onClick={() => setMode('apply')}>
                申请登记（外来人口）
              </Button>
              <View className='spacer' />
              <Text className='text'>选民名单已经公布，本人应当登记却不在名单上的，可以提出异议。</Text>
              <Button className='btn secondary' id='go-self-object' onClick={() => setMode('selfObject')}>
                我不在名单上，提出异议
              </Button>
            </View>
          </View>
        )}
      </PageShell>
    );
  }

  const voter = mine?.voter ?? whoami.voter;
  const standing: ObjectorStanding = voter.status === 'registered' ? { kind: 'registered' } : { kind: 'offList', voterId: voter.id, statusLabel: voter.statusLabel };
  return (
    <PageShell>
      <EntryCard voter={voter} />
      {mine ? <TodoList todo={mine.todo} /> : null}
      {mineError ? <ErrorView error={mineError} onRetry={reload} /> : null}
      <RegEntryActions voter={voter} />
      {mode === 'object' ? (
        <RegObjectionForm
          standing={standing}
          defaultGroup={voter.group}
          {...objectionFormProps}
        />
      ) : null}
      {listPublished ? <RegMyObjections items={objections.list.data?.objections ?? null} error={objections.list.error} /> : null}
      {listPublished && mode !== 'object' ? (
        <View className='card' data-testid='object-entry'>
          <Text className='text muted'>
            {standing.kind === 'registered'
              ? '对公布的选民名单有意见（漏登、错登、信息有误），可以提出异议。'
              : '您不在公布的选民名单上。要参加选举，或者您的登记有误，可以就本人的登记提出异议。'}
          </Text>
          <Button className='btn secondary' id='go-object' onClick={() => setMode('object')}>
            提出异议
          </Button>
        </View>
      ) : null}
      <View className='card'>
        <Text className='text muted'>登记信息有错，请找村选举委员会更正，或在公布名单后提出异议。</Text>
        <Button className='btn plain' id='unbind' disabled={pending || undefined} onClick={unbind}>
          解除绑定
        </Button>
      </View>
    </PageShell>
  );
}
