import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { IrreversibleStepApi } from '../hooks/use-irreversible-step';
import { civilDate } from '../services/format';
import { ConsentField } from './form-fields';
import './committee.scss';

/**
 * The dialog before a step that cannot be undone: what it does, who it would cut off (counted by
 * the server when the dialog opens), the planned date and the statutory last day. When anyone
 * would be cut off — or the step asks for it — the clerk ticks an explicit confirmation first.
 */
export default function IrreversibleDialog({ api, today }: { api: IrreversibleStepApi; today: string }) {
  const { state } = api;
  const [ticked, setTicked] = useState(false);
  const [tried, setTried] = useState(false);
  const stepId = state.phase === 'closed' ? null : state.step.id;
  useEffect(() => {
    setTicked(false);
    setTried(false);
  }, [stepId, state.phase]);
  if (state.phase === 'closed') return null;
  const { step } = state;
  const pending = state.phase === 'ready' ? state.cutOffs.filter((c) => c.count > 0) : [];
  const early = step.planned && step.planned.day > today ? step.planned : null;
  const tickText = tickTextOf(step, pending, early);
  const canGo = state.phase === 'ready' && (!tickText || ticked);
  const go = () => {
    setTried(true);
    if (canGo) api.confirm();
  };
  return (
    <View className='dialog-mask' id='irreversible-dialog' data-testid='irreversible-dialog' data-step={step.id}>
      <View className='dialog' role='dialog' aria-modal='true' aria-label={step.title}>
        <Text className='card-title'>{step.title}（不能撤回）</Text>
        <Text className='text'>{step.effect}</Text>
        <View className='rows' data-testid='step-dates'>
          <Row k='今天' v={civilDate(today)} />
          {step.planned ? <Row k={step.planned.label} v={civilDate(step.planned.day)} /> : null}
          {step.lastDay ? <Row k={step.lastDay.label} v={civilDate(step.lastDay.day)} /> : null}
        </View>
        {state.phase === 'loading' ? <Text className='text muted'>正在统计还没办完的事…</Text> : null}
        {state.phase === 'error' ? (
          <View>
            <Text className='notice error'>{state.error.message}</Text>
            <Button className='btn plain' id='step-retry' onClick={api.retry}>
              重新统计
            </Button>
          </View>
        ) : null}
        {state.phase === 'ready' ? <CutOffs state={state} /> : null}
        {state.phase === 'ready' && tickText ? (
          <ConsentField id='step-tick' checked={ticked} onToggle={() => setTicked(!ticked)} error={tried && !ticked ? '请先勾选确认' : undefined} text={tickText} />
        ) : null}
        <View className='btn-row'>
          <Button className='btn plain' id='step-cancel' onClick={api.cancel}>
            先不{step.confirmText}
          </Button>
          <Button className={'btn' + (canGo ? '' : ' disabled')} id='step-confirm' aria-disabled={!canGo} onClick={go}>
            {step.confirmText}
          </Button>
        </View>
      </View>
    </View>
  );
}

type Step = Exclude<IrreversibleStepApi['state'], { phase: 'closed' }>['step'];
type Ready = Extract<IrreversibleStepApi['state'], { phase: 'ready' }>;
type CutOff = Ready['cutOffs'][number];

/** The confirmation to tick: what would be cut off and how early, or the step's own; null when none. */
function tickTextOf(step: Step, pending: readonly CutOff[], early: Step['planned'] | null): string | null {
  if (!pending.length && !early) return step.alwaysTick ?? null;
  const cut = pending.length ? `还有${pending.map((c) => `${c.count}${c.unit}${c.label}`).join('、')}` : '';
  return `我知道${cut}${pending.length && early ? '，而且' : ''}${early ? `今天比计划（${civilDate(early.day, false, false)}）早` : ''}，仍要${step.confirmText}。`;
}

/** What the step would cut off, counted by the server when the dialog opened. */
function CutOffs({ state }: { state: Ready }) {
  const pending = state.cutOffs.some((c) => c.count > 0);
  return (
    <View data-testid='step-cutoffs'>
      {pending ? (
        <Text className='notice warn' data-testid='step-pending'>
          {state.step.confirmText}后，下面这些就来不及了：
        </Text>
      ) : (
        <Text className='notice ok' data-testid='step-clear'>
          没有还在等待办理的事。
        </Text>
      )}
      <View className='rows'>
        {state.cutOffs.map((c) => (
          <Row key={c.key} k={c.label} v={`${c.count}${c.unit}`} attr={c.key} />
        ))}
      </View>
      {state.note ? <Text className='text small muted'>{state.note}</Text> : null}
    </View>
  );
}

function Row({ k, v, attr }: { k: string; v: string; attr?: string }) {
  return (
    <View className='row' data-cutoff={attr}>
      <Text className='row-key'>{k}</Text>
      <Text className='row-value'>{v}</Text>
    </View>
  );
}
