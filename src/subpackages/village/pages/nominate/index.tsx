import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import NominationDone from '../../../../components/nomination-done';
import NomineePicker, { NomineeLine } from '../../../../components/nominee-picker';
import PageShell from '../../../../components/page-shell';
import SignaturePad from '../../../../components/signature-pad';
import { FormError } from '../../../../components/form-fields';
import { StateGate } from '../../../../components/state-views';
import { useNomination } from '../../../../hooks/use-nomination';
import type { Choices, NominationForm, SubmitResult } from '../../../../hooks/use-nomination';
import { routeElectionId } from '../../../../hooks/use-route-params';
import { civilDate } from '../../../../services/format';
import { openTab } from '../../../../services/navigation';
import { copyText, openVillagePage } from '../../../../services/village-nav';
import '../../../../components/nomination.scss';

/** Steps: 0 = before you start, 1..n = one per post, then review, sign, done. */
type Step = number | 'review' | 'sign' | 'done';

/**
 * 直接提名 for a villager: one post at a time (up to its seats), a review, the handwritten
 * signature, then one 完成 screen with the receipt. The server decides everything (window,
 * eligibility, one ballot per voter); this page only explains its answers in plain words.
 */
export default function NominatePage() {
  const [electionId] = useState(routeElectionId);
  const { form, submit, submitting, submitError } = useNomination(electionId);
  const [step, setStep] = useState<Step>(0);
  const [choices, setChoices] = useState<Choices>({});
  const [done, setDone] = useState<SubmitResult | null>(null);

  if (!form.data) {
    return (
      <PageShell>
        <StateGate ready={false} error={form.error} onRetry={() => void form.reload()}>
          {() => null}
        </StateGate>
      </PageShell>
    );
  }
  const f = form.data;
  if (done) {
    return (
      <PageShell>
        <NominationDone
          result={done}
          closesOn={f.window.closesOn}
          onVerify={(code) => openVillagePage('verify', { code })}
          onCopy={copyText}
          onHome={() => openTab('home')}
        />
      </PageShell>
    );
  }
  const posts = f.posts;
  const labels = ['开始', ...posts.map((p) => p.label), '核对', '签名'];
  const index = step === 'review' ? posts.length + 1 : step === 'sign' ? posts.length + 2 : typeof step === 'number' ? step : 0;
  const next = () => setStep(index >= posts.length ? 'review' : index + 1);

  return (
    <PageShell>
      <Text className='page-title'>{f.title}</Text>
      {/* The steps only while one can take them: over 现在不能提名 they promised a way that is not there. */}
      {f.window.open ? <StepBar labels={labels} index={index} /> : null}
      {step === 0 ? <Start form={f} onStart={() => setStep(1)} /> : null}
      {typeof step === 'number' && step > 0 ? (
        <>
          <NomineePicker
            key={posts[step - 1]!.post}
            electionId={f.electionId}
            postLabel={posts[step - 1]!.label}
            seats={posts[step - 1]!.seats}
            chosen={choices[posts[step - 1]!.post] ?? []}
            onChange={(list) => setChoices({ ...choices, [posts[step - 1]!.post]: list })}
          />
          <NavButtons onBack={() => setStep(step - 1)} onNext={next} nextText='下一步' nextId='step-next' />
        </>
      ) : null}
      {step === 'review' ? (
        <Review form={f} choices={choices} onEdit={(i) => setStep(i + 1)} onBack={() => setStep(posts.length)} onNext={() => setStep('sign')} />
      ) : null}
      {step === 'sign' ? (
        <View>
          <View className='card'>
            <Text className='text'>请本人在下面的框里写上自己的名字。签名只给选举委员会核对，不公开。</Text>
          </View>
          <SignaturePad
            id='nom-sign'
            label='请在框里写上您的名字'
            confirmText={submitting ? '正在提交…' : '写好了，提交'}
            disabled={submitting}
            onConfirm={async (sig) => {
              const out = await submit(choices, sig);
              if (out) setDone(out);
            }}
          />
          <FormError error={submitError} testId='submit-error' />
          <Button className='btn plain' id='sign-back' onClick={() => setStep('review')}>
            返回核对
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}

function NavButtons({ onBack, onNext, nextText, nextId, nextDisabled }: { onBack: () => void; onNext: () => void; nextText: string; nextId: string; nextDisabled?: boolean }) {
  return (
    <View className='btn-row'>
      <Button className='btn plain' id='step-back' onClick={onBack}>
        上一步
      </Button>
      <Button className={'btn' + (nextDisabled ? ' disabled' : '')} id={nextId} disabled={nextDisabled || undefined} onClick={onNext}>
        {nextText}
      </Button>
    </View>
  );
}

/** Before the first post: the window, what one ballot means, and whether one was already sent. */
/** 开始 · 1.主任 · … · 核对 · 签名, the current one marked. */
function StepBar({ labels, index }: { labels: readonly string[]; index: number }) {
  return (
    <View className='steps' data-testid='steps'>
      {labels.map((l, i) => (
        <Text key={l + i} className={'step' + (i === index ? ' on' : '')}>
          {i === 0 ? l : `${i}.${l}`}
        </Text>
      ))}
    </View>
  );
}

function Start({ form, onStart }: { form: NominationForm; onStart: () => void }) {
  const w = form.window;
  const range = w.opensOn && w.closesOn ? `${civilDate(w.opensOn)}至${civilDate(w.closesOn)}` : null;
  if (!w.open) {
    return (
      <View className='card' data-testid='window-closed'>
        <Text className='card-title'>现在不能提名</Text>
        <Text className='text'>{w.message ?? (range ? `提名时间是${range}。` : '选举委员会还没有定提名时间。')}</Text>
        <Button className='btn secondary' id='go-verify' onClick={() => openVillagePage('verify')}>
          核验我的回执
        </Button>
      </View>
    );
  }
  const again = form.mine !== null;
  if (again && form.resubmission === 'reject') {
    return (
      <View className='card' data-testid='already-submitted'>
        <Text className='card-title'>您已经提名过了</Text>
        <Text className='text'>每位选民只能交一张提名票，交了就不能再改。</Text>
        {(form.mine ?? []).map((l) => (
          <View key={l.post}>
            <Text className='field-label'>{l.label}</Text>
            {l.names.map((n) => (
              <NomineeLine key={n.voterId} n={n} />
            ))}
          </View>
        ))}
        <Button className='btn secondary' id='go-verify' onClick={() => openVillagePage('verify')}>
          核验我的回执
        </Button>
      </View>
    );
  }
  return (
    <View className='card' data-testid='nominate-start'>
      <Text className='card-title'>提名村委会成员候选人</Text>
      <Text className='text'>{range ? `提名时间：${range}。` : ''}每个职位最多提名的人数就是这个职位的名额。被提名的人必须是本村登记的选民。</Text>
      <Text className='text'>一共{form.posts.length + 2}步：逐个职位选人，核对，最后本人签名提交。</Text>
      {again ? <Text className='notice' data-testid='replace-note'>您已经提名过。再交一次，会替换上一张（两张都记录在案）。</Text> : null}
      <Button className='btn' id='start-nominate' onClick={onStart}>
        开始提名
      </Button>
    </View>
  );
}

interface ReviewProps {
  form: NominationForm;
  choices: Choices;
  onEdit: (postIndex: number) => void;
  onBack: () => void;
  onNext: () => void;
}

function Review({ form, choices, onEdit, onBack, onNext }: ReviewProps) {
  const total = form.posts.reduce((n, p) => n + (choices[p.post]?.length ?? 0), 0);
  return (
    <View data-testid='nominate-review'>
      {form.posts.map((p, i) => (
        <View className='card' key={p.post}>
          <Text className='card-title'>
            {p.label}（{choices[p.post]?.length ?? 0}/{p.seats}人）
          </Text>
          {(choices[p.post] ?? []).map((n) => (
            <NomineeLine key={n.voterId} n={n} />
          ))}
          <Button className='btn plain' id={`edit-${p.post}`} onClick={() => onEdit(i)}>
            修改{p.label}
          </Button>
        </View>
      ))}
      {total === 0 ? <Text className='notice error'>您还没有提名任何人。请至少提名一人。</Text> : null}
      <NavButtons onBack={onBack} onNext={onNext} nextText='没问题，去签名' nextId='review-next' nextDisabled={total === 0} />
    </View>
  );
}
