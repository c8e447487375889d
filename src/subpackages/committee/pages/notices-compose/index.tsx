import { useState } from 'react';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import NoticeText from '../../../../components/notice-text';
import { ErrorView, Loading } from '../../../../components/state-views';
import { useNoticeStats, usePublishNotice, useRouteParam, type NoticeTypeOption, type PublishInput, type PublishOutput } from '../../../../hooks/notice-committee';
import type { ElectionView } from '../../../../hooks/session-store';
import { civilDate } from '../../../../services/format';
import { openNoticeStats } from '../../../../services/notice-navigation';
import { confirmDialog, toast } from '../../../../services/navigation';
import IrreversibleDialog from '../../../../components/irreversible-dialog';
import { voterListStep } from '../../../../hooks/committee-steps';
import { serverNow } from '../../../../hooks/use-countdown';
import { useIrreversibleStep } from '../../../../hooks/use-irreversible-step';
import { beijingDay } from '../../../../services/format';
import { openCommitteePage } from '../../../../services/committee-nav';
import CommitteeGate from '../../../../components/committee-gate';
import '../../../../components/notice.scss';

/** Typed notices generated from the election setup (committee.updateElection): a refusal links to it. */
const FROM_SETUP = new Set(['committeeMembers', 'electionDayPlaces', 'pollingStations']);

/**
 * 写公告: the type picks a template generated from the store (the list frozen at publication);
 * free text is allowed. Preview first, then publish; a refusal (data not ready, deadline passed)
 * is shown as the server words it. The voter list goes through 公布选民名单 (publishVoterList).
 */
export default function NoticeComposePage() {
  return <CommitteeGate>{({ election, clockOffsetMs }) => <Compose election={election} today={beijingDay(serverNow(clockOffsetMs))} />}</CommitteeGate>;
}

function Compose({ election, today }: { election: ElectionView; today: string }) {
  const corrects = useRouteParam('corrects');
  const correctsType = useRouteParam('type');
  const { data, error, reload } = useNoticeStats(election.id);
  // A type in the route (a correction, or a page that just settled that notice's source) comes picked.
  const [type, setType] = useState<string | null>(correctsType);
  // Opened for one type (not a correction): that type alone, the full list one tap away.
  const [allTypes, setAllTypes] = useState(!correctsType || !!corrects);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [preview, setPreview] = useState<{ key: string; out: PublishOutput } | null>(null);
  const { run, pending, error: actionError, clearError } = usePublishNotice();
  const step = useIrreversibleStep();

  if (!data) return error ? <ErrorView error={error} onRetry={() => void reload()} /> : <Loading />;
  const option = data.types.find((t) => t.type === type) ?? null;
  const correcting = corrects ? data.notices.find((n) => n.id === corrects) : undefined;

  const input = (asPreview: boolean): PublishInput | null => {
    if (!option) return null;
    const t = title.trim();
    const b = body.trim();
    return {
      electionId: election.id,
      type: option.type,
      ...(option.type !== 'voterList' && t ? { title: t } : {}),
      ...(option.type !== 'voterList' && b ? { body: b } : {}),
      ...(corrects ? { corrects } : {}),
      ...(asPreview ? { preview: true } : {}),
    };
  };
  const key = JSON.stringify(input(false));
  const previewed = preview && preview.key === key ? preview.out : null;
  const isVoterList = option?.type === 'voterList';

  const pick = (t: NoticeTypeOption) => {
    if (!t.allowed && !corrects) return;
    setType(t.type);
    setPreview(null);
    clearError();
  };
  const doPreview = async () => {
    const i = input(true);
    if (!i || pending) return;
    const out = await run(i);
    if (out) setPreview({ key, out });
  };
  const doPublish = async () => {
    const i = input(false);
    if (!i || !previewed || pending) return;
    // The voter list closes registration: the dialog counts who would be left off (committee.stats).
    const sure = isVoterList
      ? await step.ask(voterListStep(election.id, election))
      : await confirmDialog('发布公告', '发布后不能修改，只能再发更正公告。公告会推送给已订阅的选民。确定发布吗？', '发布');
    if (!sure) return;
    const out = await run(i);
    if (out?.notice) {
      toast(isVoterList ? '选民名单已公布' : '公告已发布', 'success');
      openNoticeStats(out.notice.id, true);
    }
  };

  return (
    <>
      <IrreversibleDialog api={step} today={today} />
      {corrects ? (
        <View className='notice warn' data-testid='compose-correcting'>
          <Text className='text strong'>正在写更正公告：更正“{correcting?.title ?? '原公告'}”。原公告保留不变，并注明已更正。</Text>
        </View>
      ) : null}
      {!allTypes && option ? (
        <View className='card' data-testid='notice-type-picked'>
          <Text className='card-title'>公告类型：{option.label}</Text>
          <Text className='text small muted'>
            {option.lastDay ? `最晚${civilDate(option.lastDay, false, false)}公布。` : ''}
            {option.basis}
          </Text>
          {!option.allowed && option.message ? <Text className='text small strong'>暂不能发布：{option.message}</Text> : null}
          <Button className='btn plain' id='compose-all-types' onClick={() => setAllTypes(true)}>
            换一种公告
          </Button>
        </View>
      ) : (
        <View className='card' data-testid='notice-types'>
          <Text className='card-title'>第一步：选择公告类型</Text>
          <Text className='text small muted'>按类型从现有数据生成正文和名单；灰色的现在不能发布，下面写着原因。</Text>
          <View className='spacer' />
          {data.types.map((t) => (
            <View
              key={t.type}
              role='button'
              className={'notice-option' + (t.type === type ? ' on' : !t.allowed && !corrects ? ' off' : '')}
              data-testid='notice-type'
              data-type={t.type}
              data-allowed={t.allowed ? 'yes' : 'no'}
              onClick={() => pick(t)}
            >
              <Text className='notice-option-label'>
                {t.type === type ? '● ' : ''}
                {t.label}
              </Text>
              <Text className='text small muted'>
                {t.lastDay ? `最晚${civilDate(t.lastDay, false, false)}公布。` : ''}
                {t.basis}
              </Text>
              {!t.allowed && t.message ? <Text className='text small strong'>暂不能发布：{t.message}</Text> : null}
              {!t.allowed && t.reason === 'DATA_NOT_READY' && FROM_SETUP.has(t.type) ? (
                <Button
                  className='btn secondary'
                  data-action='go-setup'
                  onClick={(ev) => {
                    ev.stopPropagation();
                    openCommitteePage('electionSetup');
                  }}
                >
                  去填写选举设置
                </Button>
              ) : null}
            </View>
          ))}
        </View>
      )}
      {option ? (
        <View className='card' data-testid='compose-form'>
          <Text className='card-title'>第二步：{isVoterList ? '公布选民名单' : '填写内容'}</Text>
          {isVoterList ? (
            <Text className='text'>选民名单公告按法定格式生成，不能自拟。公布时冻结当时已登记的选民名单（只有姓名和村民小组），并开始计算申诉期限。</Text>
          ) : (
            <>
              <View className='field'>
                <Text className='field-label'>标题{option.type === 'freeText' ? '' : '（可不填，默认用生成的标题）'}</Text>
                <Input className='input' id='compose-title' value={title} maxlength={40} placeholder='2到40个字' placeholderClass='input-placeholder' onInput={(e) => setTitle(e.detail.value)} />
              </View>
              <View className='field'>
                <Text className='field-label'>{option.type === 'freeText' ? '正文' : '补充内容（可不填，加在生成的正文后面）'}</Text>
                <Text className='field-hint'>不要写身份证号码和手机号码。</Text>
                <Textarea className='notice-textarea' id='compose-body' value={body} maxlength={2000} onInput={(e) => setBody(e.detail.value)} />
              </View>
            </>
          )}
          <Button className={'btn secondary' + (pending ? ' disabled' : '')} id='compose-preview' onClick={() => void doPreview()}>
            {pending && !previewed ? '正在生成…' : '预览'}
          </Button>
        </View>
      ) : null}

      {actionError ? (
        <View className='notice error' data-testid='compose-error'>
          <Text className='text strong'>不能发布：{actionError.message}</Text>
        </View>
      ) : null}

      {previewed ? (
        <View className='card' data-testid='notice-preview'>
          <Text className='card-title'>第三步：核对后发布</Text>
          <NoticeText typeLabel={previewed.draft.typeLabel} meta='预览，还没有发布' title={previewed.draft.title} body={previewed.draft.body} />
          {previewed.draft.attachment ? (
            <View data-testid='preview-attachment'>
              <Text className='field-label'>附件名单：共{previewed.draft.attachment.count}条（下面是前{Math.min(10, previewed.draft.attachment.sample.length)}条）</Text>
              {previewed.draft.attachment.sample.slice(0, 10).map((r, i) => (
                <Text className='text small' key={i}>
                  {Object.values(r)
                    .filter((v) => v !== null && v !== '')
                    .join('　')}
                </Text>
              ))}
            </View>
          ) : null}
          <Text className='text small muted'>
            {previewed.window.lastDay ? `法定最晚公布日：${civilDate(previewed.window.lastDay)}。` : ''}
            {previewed.window.basis}
          </Text>
          {previewed.warning ? <Text className='notice warn'>{previewed.warning}</Text> : null}
          <Button className={'btn' + (pending ? ' disabled' : '')} id='compose-publish' onClick={() => void doPublish()}>
            {pending ? '正在发布…' : isVoterList ? '公布选民名单' : '发布公告'}
          </Button>
        </View>
      ) : null}
    </>
  );
}
