import { useState } from 'react';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import type { FileObjectionInput } from '../hooks/use-registration-actions';
import { useVoterListSearch, type ListEntry } from '../hooks/use-voter-list-search';
import type { ErrEnvelope } from '../services/contracts';

type Kind = FileObjectionInput['kind'];
type WrongField = 'name' | 'group' | 'idNumber' | 'category' | 'status' | 'other';

const KINDS: Array<{ kind: Kind; label: string; hint: string }> = [
  { kind: 'missingPerson', label: '漏登了某人', hint: '应该登记的人不在名单上' },
  { kind: 'wrongPerson', label: '不应登记某人', hint: '名单上有不该登记的人' },
  { kind: 'wrongDetails', label: '登记信息有误', hint: '名单上某人的信息写错了' },
];
const FIELDS: Array<[WrongField, string]> = [
  ['name', '姓名'],
  ['group', '村民小组'],
  ['idNumber', '身份证号码'],
  ['category', '登记类别'],
  ['status', '登记状态'],
  ['other', '其他'],
];

interface Props {
  defaultGroup: string;
  pending: boolean;
  error: ErrEnvelope | null;
  onSubmit: (input: FileObjectionInput) => Promise<boolean>;
  onCancel: () => void;
}

/** 提出异议 about the published voter list. */
export default function RegObjectionForm({ defaultGroup, pending, error, onSubmit, onCancel }: Props) {
  const [kind, setKind] = useState<Kind>('missingPerson');
  const [name, setName] = useState('');
  const [group, setGroup] = useState(defaultGroup);
  const [details, setDetails] = useState('');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<ListEntry | null>(null);
  const [fields, setFields] = useState<WrongField[]>([]);
  const finder = useVoterListSearch();

  const fieldError = (f: string) => error?.fields?.[f];
  const submit = () => {
    if (pending) return;
    if (kind === 'missingPerson') void onSubmit({ kind, name, group, details });
    // No entry chosen yet: the contract's own message asks for one.
    else if (kind === 'wrongPerson') void onSubmit(picked ? { kind, listNo: picked.no, details } : ({ kind, details } as FileObjectionInput));
    else void onSubmit(picked ? { kind, listNo: picked.no, wrongFields: fields, details } : ({ kind, wrongFields: fields, details } as FileObjectionInput));
  };

  return (
    <View className='card' data-testid='objection-form'>
      <Text className='card-title'>提出异议</Text>
      <Text className='text muted'>对公布的选民名单有意见，可以在申诉期限内提出。选举委员会要书面答复。</Text>

      <View className='field'>
        <Text className='field-label'>是什么问题</Text>
        {KINDS.map((k) => (
          <View
            key={k.kind}
            className={'choice' + (kind === k.kind ? ' on' : '')}
            id={'objection-kind-' + k.kind}
            role='radio'
            aria-checked={kind === k.kind}
            onClick={() => {
              setKind(k.kind);
              setPicked(null);
            }}
          >
            <Text className='choice-mark'>{kind === k.kind ? '●' : '○'}</Text>
            <View className='choice-body'>
              <Text className='text strong'>{k.label}</Text>
              <Text className='text small muted'>{k.hint}</Text>
            </View>
          </View>
        ))}
      </View>

      {kind === 'missingPerson' ? (
        <View>
          <View className='field'>
            <Text className='field-label'>漏登的人的姓名</Text>
            <Input
              className={'input' + (fieldError('name') ? ' invalid' : '')}
              placeholderClass='input-placeholder'
              id='objection-name'
              type='text'
              maxlength={20}
              value={name}
              placeholder='和身份证上一样'
              onInput={(e) => setName(e.detail.value)}
            />
            {fieldError('name') ? <Text className='field-error'>{fieldError('name')}</Text> : null}
          </View>
          <View className='field'>
            <Text className='field-label'>他（她）在哪个村民小组</Text>
            <Input
              className={'input' + (fieldError('group') ? ' invalid' : '')}
              placeholderClass='input-placeholder'
              id='objection-group'
              type='text'
              maxlength={20}
              value={group}
              placeholder='例如 第三村民小组'
              onInput={(e) => setGroup(e.detail.value)}
            />
            {fieldError('group') ? <Text className='field-error'>{fieldError('group')}</Text> : null}
          </View>
        </View>
      ) : (
        <View className='field'>
          <Text className='field-label'>名单上的哪一位</Text>
          {picked ? (
            <View className='picked' data-testid='objection-picked'>
              <Text className='text strong'>
                序号{picked.no}：{picked.name}（{picked.group}）
              </Text>
              <Button className='btn plain' id='objection-repick' onClick={() => setPicked(null)}>
                换一个人
              </Button>
            </View>
          ) : (
            <View>
              <Text className='field-hint'>按姓名在公布的选民名单里找</Text>
              <Input
                className='input'
                placeholderClass='input-placeholder'
                id='objection-search'
                type='text'
                maxlength={20}
                value={query}
                placeholder='填写姓名，可以只填一部分'
                onInput={(e) => setQuery(e.detail.value)}
              />
              <Button className={'btn secondary' + (finder.loading ? ' disabled' : '')} id='objection-search-go' disabled={finder.loading} onClick={() => void finder.search(query)}>
                {finder.loading ? '正在查找…' : '查找'}
              </Button>
              {finder.message ? <Text className='notice warn'>{finder.message}</Text> : null}
              {finder.results.map((r) => (
                <View key={r.no} className='pick-row' data-list-no={r.no} onClick={() => setPicked(r)}>
                  <Text className='text strong'>{r.name}</Text>
                  <Text className='text small muted'>
                    {r.group} · 序号{r.no}
                  </Text>
                </View>
              ))}
            </View>
          )}
          {fieldError('listNo') ? <Text className='field-error'>{fieldError('listNo')}</Text> : null}
        </View>
      )}

      {kind === 'wrongDetails' ? (
        <View className='field'>
          <Text className='field-label'>哪一项有误（可以选几项）</Text>
          <View className='chips'>
            {FIELDS.map(([f, label]) => (
              <View
                key={f}
                className={'chip' + (fields.includes(f) ? ' on' : '')}
                role='checkbox'
                aria-checked={fields.includes(f)}
                onClick={() => setFields((cur) => (cur.includes(f) ? cur.filter((x) => x !== f) : [...cur, f]))}
              >
                {label}
              </View>
            ))}
          </View>
          {fieldError('wrongFields') ? <Text className='field-error'>{fieldError('wrongFields')}</Text> : null}
        </View>
      ) : null}

      <View className='field'>
        <Text className='field-label'>{kind === 'wrongDetails' ? '写一下哪里不对、应该是什么' : '写一下理由'}</Text>
        <Text className='field-hint'>请不要写身份证号码或手机号码</Text>
        <Textarea
          className={'textarea' + (fieldError('details') ? ' invalid' : '')}
          placeholderClass='input-placeholder'
          id='objection-details'
          maxlength={300}
          value={details}
          placeholder={kind === 'missingPerson' ? '例如：她一直住在本村，今年满18周岁' : '至少写5个字'}
          onInput={(e) => setDetails(e.detail.value)}
        />
        {fieldError('details') ? <Text className='field-error'>{fieldError('details')}</Text> : null}
      </View>

      {error && !(error.fields && Object.keys(error.fields).length) ? (
        <Text className='notice error' data-testid='objection-error'>
          {error.message}
        </Text>
      ) : null}
      <Button className={'btn' + (pending ? ' disabled' : '')} id='objection-submit' disabled={pending} onClick={submit}>
        {pending ? '正在提交…' : '提交异议'}
      </Button>
      <Button className='btn plain' id='objection-cancel' onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
