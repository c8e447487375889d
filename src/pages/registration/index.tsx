import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import BindForm from '../../components/bind-form';
import EntryCard from '../../components/entry-card';
import PageShell from '../../components/page-shell';
import RegApplyForm from '../../components/reg-apply-form';
import RegDoneBox, { type RegDone } from '../../components/reg-done';
import RegEntryActions from '../../components/reg-entry-actions';
import RegMyObjections from '../../components/reg-my-objections';
import NoticeSubscribeCard from '../../components/notice-subscribe-card';
import RegObjectionForm, { RegSelfObjectionForm, type ObjectorStanding } from '../../components/reg-objection-form';
import { ErrorView, StateGate } from '../../components/state-views';
import TodoList from '../../components/todo-list';
import { objectionWindowAt, openTodos, type ObjectionWindow } from '../../domain/voter-todo';
import { useSession, type ElectionView } from '../../hooks/session-store';
import { serverNow } from '../../hooks/use-countdown';
import { useUnbind } from '../../hooks/use-identity-actions';
import { useMyObjections, type FileObjectionInput } from '../../hooks/use-registration-actions';
import { routeElectionId } from '../../hooks/use-route-params';
import { beijingDay, civilDate } from '../../services/format';

/**
 * 我的登记: bind when not bound (or, not on the roll, apply as category C, or object that one is
 * missing from the published list); otherwise the own entry, what is left to do, confirm /
 * declare, and objections (申诉) with their decisions. Every task ends on its finish box
 * (RegDoneBox); every hint follows where the election stands (list published or not, 申诉
 * window open or closed).
 */
export default function RegistrationPage() {
  const { status, whoami, mine, mineError, error, clockOffsetMs, loadedAt, reload } = useSession();
  const { unbind, pending } = useUnbind();
  const [mode, setMode] = useState<'main' | 'apply' | 'object' | 'selfObject'>('main');
  const [done, setDone] = useState<RegDone | null>(null);
  const routeId = routeElectionId();
  const election: ElectionView | null =
    mine?.election ?? whoami?.elections.find((e) => e.id === (whoami.voter?.electionId ?? routeId)) ?? (whoami?.voter ? null : (whoami?.elections[0] ?? null));
  const nowMs = serverNow(clockOffsetMs);
  const window: ObjectionWindow | null = election ? objectionWindowAt(election.calendar, new Date(nowMs)) : null;
  const listPublished = window === 'open' || window === 'closed';
  // Objections are followed by WeChat user: a bound voter once the list is out, and anyone not bound (who may have objected unbound).
  const unbound = !!whoami && !whoami.voter;
  const objections = useMyObjections((!!whoami?.voter && listPublished) || unbound, `${whoami?.voter?.id ?? ''}:${loadedAt}`);
  /** Both objection forms: filing shows the finish box, cancelling clears the refusal. */
  const objectionFormProps = {
    pending: objections.filing,
    error: objections.fileError,
    onSubmit: async (input: FileObjectionInput) => {
      const filed = await objections.file(input);
      if (filed) {
        setMode('main');
        setDone({ kind: 'objection', objection: filed });
      }
      return !!filed;
    },
    onCancel: () => {
      objections.clearFileError();
      setMode('main');
    },
  };

  return (
    <PageShell>
      <StateGate ready={!!whoami && status !== 'idle'} error={status === 'error' ? error : null} onRetry={reload}>
        {() => {
          if (done) return <RegDoneBox done={done} election={election} onBack={() => setDone(null)} />;
          if (!whoami!.voter) {
            const electionId = routeId ?? whoami!.elections[0]?.id ?? null;
            if (mode === 'apply') return <RegApplyForm electionId={electionId} today={beijingDay(nowMs)} onCancel={() => setMode('main')} onApplied={() => setDone({ kind: 'apply', at: serverNow(clockOffsetMs) })} />;
            if (mode === 'selfObject') return <RegSelfObjectionForm electionId={electionId} {...objectionFormProps} />;
            const filed = objections.list.data?.objections ?? [];
            return (
              <View>
                <BindForm lockedUntil={whoami!.bindLockedUntil} nowMs={nowMs} onBound={(out) => setDone({ kind: 'bind', at: serverNow(clockOffsetMs), voter: out.voter })} />
                {filed.length ? <RegMyObjections items={filed} error={objections.list.error} unbound /> : null}
                {objections.list.data && filed.some((o) => o.status === 'open') ? (
                  <NoticeSubscribeCard
                    pushesOwed={objections.list.data.pushesOwed}
                    templateId={objections.list.data.subscribeTemplateId}
                    owedText={(n) => (n > 0 ? '选举委员会答复您的申诉时，会在微信里提醒您。' : '现在答复了也不会在微信里提醒您。')}
                    prompt='想在选举委员会答复时收到微信提醒，请点下面的按钮，再点“允许”。'
                    onRecorded={() => void objections.list.reload()}
                  />
                ) : null}
                <NotOnRoll window={window} election={election} onApply={() => setMode('apply')} onObject={() => setMode('selfObject')} />
              </View>
            );
          }
          const voter = mine?.voter ?? whoami!.voter;
          const standing: ObjectorStanding = voter.status === 'registered' ? { kind: 'registered' } : { kind: 'offList', voterId: voter.id, statusLabel: voter.statusLabel };
          return (
            <View>
              <EntryCard voter={voter} />
              {mine ? <TodoList todo={openTodos(mine.todo, new Date(serverNow(clockOffsetMs)))} /> : null}
              {mineError ? <ErrorView error={mineError} onRetry={reload} /> : null}
              <RegEntryActions voter={voter} onDone={setDone} />
              {mode === 'object' ? <RegObjectionForm standing={standing} defaultGroup={voter.group} groups={mine?.groups ?? []} {...objectionFormProps} /> : null}
              {listPublished ? <RegMyObjections items={objections.list.data?.objections ?? null} error={objections.list.error} /> : null}
              {window === 'open' && mode !== 'object' ? (
                <View className='card' data-testid='object-entry'>
                  <Text className='text muted'>
                    {standing.kind === 'registered'
                      ? '对公布的选民名单有不同意见（漏登、错登、信息有误），可以申诉。'
                      : '您不在公布的选民名单上。要参加选举，或者您的登记有误，可以就本人的登记申诉。'}
                  </Text>
                  <Button className='btn secondary' id='go-object' onClick={() => setMode('object')}>
                    提出申诉
                  </Button>
                </View>
              ) : null}
              <View className='card'>
                <Text className='text muted' data-testid='fix-hint'>
                  {fixHint(window, election)}
                </Text>
                <Button className='btn plain' id='unbind' disabled={pending || undefined} onClick={unbind}>
                  解除绑定
                </Button>
              </View>
            </View>
          );
        }}
      </StateGate>
    </PageShell>
  );
}

function filingLastDay(election: ElectionView | null): string {
  const day = election?.calendar.find((c) => c.key === 'objectionFiling')?.lastDay;
  return day ? civilDate(day) : '';
}

/** What to do about a wrong entry, as things stand now. */
function fixHint(window: ObjectionWindow | null, election: ElectionView | null): string {
  if (window === 'open') return `登记信息有错，可以在${filingLastDay(election)}以前（含当天）申诉，也可以找村选举委员会。`;
  if (window === 'closed') return '申诉期限已经过了。登记信息有错，请找村选举委员会。';
  return '登记信息有错，请找村选举委员会更正；选民名单公布后也可以申诉。';
}

/** 我不在名单上: apply (category C) always; object only while the 申诉 window is open. */
function NotOnRoll({ window, election, onApply, onObject }: { window: ObjectionWindow | null; election: ElectionView | null; onApply: () => void; onObject: () => void }) {
  return (
    <View className='card' data-testid='not-on-roll' data-window={window ?? 'unknown'}>
      <Text className='card-title'>我不在名单上</Text>
      <Text className='text'>户籍不在本村、但在本村居住的，可以申请登记。</Text>
      <Button className='btn secondary' id='go-apply' onClick={onApply}>
        申请登记（外来人口）
      </Button>
      <View className='spacer' />
      {window === 'beforeList' ? (
        <Text className='text' data-testid='not-on-roll-hint'>
          选民名单还没有公布。户籍在本村却没有收到《选民登记告知书》的，请找村选举委员会登记。
        </Text>
      ) : window === 'closed' ? (
        <Text className='text' data-testid='not-on-roll-hint'>
          申诉期限已经过了。有问题请找村选举委员会。
        </Text>
      ) : (
        <>
          <Text className='text' data-testid='not-on-roll-hint'>
            {window === 'open' ? `选民名单已经公布。本人应当登记却不在名单上的，可以在${filingLastDay(election)}以前（含当天）申诉。` : '选民名单公布后，本人应当登记却不在名单上的，可以申诉。'}
          </Text>
          <Button className='btn secondary' id='go-self-object' onClick={onObject}>
            我不在名单上，提出申诉
          </Button>
        </>
      )}
    </View>
  );
}
