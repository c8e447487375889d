import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { FileObjectionInput } from '../hooks/use-registration-actions';
import { useVoterListSearch, type ListEntry } from '../hooks/use-voter-list-search';
import type { ErrEnvelope } from '../services/contracts';
import { ConsentField, FieldError, FormError, GroupField, IdNumberField, TextAreaField, TextField, useSelfIdentityState } from './form-fields';
import TextInput from './text-input';

/** What the form asks: about someone on or off the list, or — off the list oneself — about one's own entry. */
type Kind = 'missingPerson' | 'wrongPerson' | 'wrongDetails' | 'missingMe' | 'myDetails';
type WrongField = 'name' | 'group' | 'idNumber' | 'category' | 'status' | 'other';

/**
 * Who is objecting decides what they may object about (the server enforces it): a registered
 * voter about anyone; someone whose own entry is not on the list only about that entry.
 */
export type ObjectorStanding = { kind: 'registered' } | { kind: 'offList'; voterId: string; statusLabel: string };

const KINDS: Record<ObjectorStanding['kind'], Array<{ kind: Kind; label: string; hint: string }>> = {
  registered: [
    { kind: 'missingPerson', label: '漏登了某人', hint: '应该登记的人不在名单上' },
    { kind: 'wrongPerson', label: '不应登记某人', hint: '名单上有不该登记的人' },
    { kind: 'wrongDetails', label: '登记信息有误', hint: '名单上某人的信息写错了' },
  ],
  offList: [
    { kind: 'missingMe', label: '我自己不在名单上', hint: '我要参加选举，公布的名单上没有我' },
    { kind: 'myDetails', label: '我的登记信息有误', hint: '我的姓名、小组或类别等写错了' },
  ],
};
const FIELDS: Array<[WrongField, string]> = [
  ['name', '姓名'],
  ['group', '村民小组'],
  ['idNumber', '身份证号码'],
  ['category', '登记类别'],
  ['status', '登记状态'],
  ['other', '其他'],
];

interface Props {
  standing: ObjectorStanding;
  defaultGroup: string;
  /** The village's 村民小组 (registration.mine): the group is picked, never typed. */
  groups: readonly string[];
  pending: boolean;
  error: ErrEnvelope | null;
  onSubmit: (input: FileObjectionInput) => Promise<boolean>;
  onCancel: () => void;
}

/** The form's values and the one filing they make, by kind (the server checks each). */
function useObjectionFormState({ standing, defaultGroup, pending, onSubmit }: Props) {
  const kinds = KINDS[standing.kind];
  const [kind, setKindState] = useState<Kind>(kinds[0]!.kind);
  const [name, setName] = useState('');
  const [group, setGroup] = useState(defaultGroup);
  const [details, setDetails] = useState('');
  const [picked, setPicked] = useState<ListEntry | null>(null);
  const [fields, setFields] = useState<WrongField[]>([]);
  // The search stays with the form: switching kinds keeps what was typed and found.
  const [query, setQuery] = useState('');
  const finder = useVoterListSearch();
  const setKind = (k: Kind) => {
    setKindState(k);
    setPicked(null);
  };
  const toggleField = (f: WrongField) => setFields((cur) => (cur.includes(f) ? cur.filter((x) => x !== f) : [...cur, f]));
  const submit = () => {
    if (pending) return;
    if (kind === 'missingMe') void onSubmit({ kind: 'missingPerson', about: 'me', details });
    else if (kind === 'myDetails' && standing.kind === 'offList') void onSubmit({ kind: 'wrongDetails', voterId: standing.voterId, wrongFields: fields, details });
    else if (kind === 'missingPerson') void onSubmit({ kind, name, group, details });
    // No entry chosen yet: the contract's own message asks for one.
    else if (kind === 'wrongPerson') void onSubmit(picked ? { kind, listNo: picked.no, details } : ({ kind, details } as FileObjectionInput));
    else if (kind === 'wrongDetails') void onSubmit(picked ? { kind, listNo: picked.no, wrongFields: fields, details } : ({ kind, wrongFields: fields, details } as FileObjectionInput));
  };
  return { kinds, kind, setKind, name, setName, group, setGroup, details, setDetails, picked, setPicked, fields, toggleField, query, setQuery, finder, submit };
}

type FormState = ReturnType<typeof useObjectionFormState>;
type FieldErrorOf = (f: string) => string | undefined;

/** 提出申诉 about the published voter list, by a bound voter. */
export default function RegObjectionForm(props: Props) {
  const { standing, groups, pending, error, onCancel } = props;
  const s = useObjectionFormState(props);
  const fieldError: FieldErrorOf = (f) => error?.fields?.[f];
  const aboutDetails = s.kind === 'wrongDetails' || s.kind === 'myDetails';
  return (
    <View className='card' data-testid='objection-form'>
      <Text className='card-title'>提出申诉</Text>
      <Text className='text muted'>对公布的选民名单有不同意见，可以在申诉期限内提出。选举委员会要书面答复。</Text>
      {standing.kind === 'offList' ? (
        <Text className='notice warn' data-testid='objection-off-list'>
          您的登记现在是“{standing.statusLabel}”，不在公布的选民名单上。您可以就本人的登记申诉；选举委员会同意后，把您列入名单。
        </Text>
      ) : null}
      <ObjectionKindChoice kinds={s.kinds} kind={s.kind} onPick={s.setKind} />
      <ObjectionSubject s={s} groups={groups} fieldError={fieldError} />
      {aboutDetails ? <WrongFieldsChips fields={s.fields} onToggle={s.toggleField} error={fieldError('wrongFields')} /> : null}
      <TextAreaField id='objection-details' label={aboutDetails ? '写一下哪里不对、应该是什么' : '写一下理由'} hint='请不要写身份证号码或手机号码' value={s.details} onChange={s.setDetails} error={fieldError('details')} placeholder={DETAILS_PLACEHOLDER[s.kind] ?? '至少写5个字'} />
      <FormError error={error} testId='objection-error' />
      <FormButtons idPrefix='objection' pending={pending} onSubmit={s.submit} onCancel={onCancel} cancelText='取消' />
    </View>
  );
}

const DETAILS_PLACEHOLDER: Partial<Record<Kind, string>> = {
  missingPerson: '例如：她一直住在本村，今年满18周岁',
  missingMe: '例如：我在外地打工，要参加这次选举',
};

/** 是什么问题: the kinds this objector may file, one tap each. */
function ObjectionKindChoice({ kinds, kind, onPick }: { kinds: FormState['kinds']; kind: Kind; onPick: (k: Kind) => void }) {
  return (
    <View className='field'>
      <Text className='field-label'>是什么问题</Text>
      {kinds.map((k) => (
        <View key={k.kind} className={'choice' + (kind === k.kind ? ' on' : '')} id={'objection-kind-' + k.kind} role='radio' aria-checked={kind === k.kind} onClick={() => onPick(k.kind)}>
          <Text className='choice-mark'>{kind === k.kind ? '●' : '○'}</Text>
          <View className='choice-body'>
            <Text className='text strong'>{k.label}</Text>
            <Text className='text small muted'>{k.hint}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

/** Whom the objection is about: oneself (nothing to fill), a person to add, or an entry of the list. */
function ObjectionSubject({ s, groups, fieldError }: { s: FormState; groups: readonly string[]; fieldError: FieldErrorOf }) {
  if (s.kind === 'missingMe') {
    return (
      <Text className='text' data-testid='objection-about-me'>
        外出的村民：这份申诉就算您本人表示参加本届选举。户籍不在本村的：选举委员会还要请村民会议或村民代表会议同意。
      </Text>
    );
  }
  if (s.kind === 'myDetails') return null;
  if (s.kind === 'missingPerson') {
    return (
      <View>
        <TextField id='objection-name' label='漏登的人的姓名' value={s.name} onChange={s.setName} error={fieldError('name')} placeholder='和身份证上一样' />
        <GroupField id='objection-group' label='他（她）在哪个村民小组' groups={groups} value={s.group} onChange={s.setGroup} error={fieldError('group')} />
      </View>
    );
  }
  return (
    <View className='field'>
      <Text className='field-label'>名单上的哪一位</Text>
      {s.picked ? <PickedEntry entry={s.picked} onRepick={() => s.setPicked(null)} /> : <ListEntrySearch s={s} />}
      <FieldError error={fieldError('listNo')} />
    </View>
  );
}

function PickedEntry({ entry, onRepick }: { entry: ListEntry; onRepick: () => void }) {
  return (
    <View className='picked' data-testid='objection-picked'>
      <Text className='text strong'>
        序号{entry.no}：{entry.name}（{entry.group}）
      </Text>
      <Button className='btn plain' id='objection-repick' onClick={onRepick}>
        换一个人
      </Button>
    </View>
  );
}

/** Finds an entry by name in the published list (useVoterListSearch) and picks it. */
function ListEntrySearch({ s }: { s: FormState }) {
  const { query, setQuery, finder } = s;
  return (
    <View>
      <Text className='field-hint'>按姓名在公布的选民名单里找</Text>
      <TextInput id='objection-search' value={query} onChange={setQuery} placeholder='填写姓名，可以只填一部分' />
      <Button className={'btn secondary' + (finder.loading ? ' disabled' : '')} id='objection-search-go' disabled={finder.loading || undefined} onClick={() => void finder.search(query)}>
        {finder.loading ? '正在查找…' : '查找'}
      </Button>
      {finder.message ? <Text className='notice warn'>{finder.message}</Text> : null}
      {finder.results.map((r) => (
        <View key={r.no} className='pick-row' data-list-no={r.no} onClick={() => s.setPicked(r)}>
          <Text className='text strong'>{r.name}</Text>
          <Text className='text small muted'>
            {r.group} · 序号{r.no}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** 哪一项有误: several may be chosen. */
function WrongFieldsChips({ fields, onToggle, error }: { fields: readonly WrongField[]; onToggle: (f: WrongField) => void; error: string | undefined }) {
  return (
    <View className='field'>
      <Text className='field-label'>哪一项有误（可以选几项）</Text>
      <View className='chips'>
        {FIELDS.map(([f, label]) => (
          <View key={f} className={'chip' + (fields.includes(f) ? ' on' : '')} role='checkbox' aria-checked={fields.includes(f)} onClick={() => onToggle(f)}>
            {label}
          </View>
        ))}
      </View>
      <FieldError error={error} />
    </View>
  );
}

/** 提交申诉 and the way back, for both objection forms. */
function FormButtons({ idPrefix, pending, onSubmit, onCancel, cancelText }: { idPrefix: string; pending: boolean; onSubmit: () => void; onCancel: () => void; cancelText: string }) {
  return (
    <>
      <Button className={'btn' + (pending ? ' disabled' : '')} id={`${idPrefix}-submit`} disabled={pending || undefined} onClick={onSubmit}>
        {pending ? '正在提交…' : '提交申诉'}
      </Button>
      <Button className='btn plain' id={`${idPrefix}-cancel`} onClick={onCancel}>
        {cancelText}
      </Button>
    </>
  );
}

interface SelfProps {
  electionId: string | null;
  pending: boolean;
  error: ErrEnvelope | null;
  onSubmit: (input: FileObjectionInput) => Promise<boolean>;
  onCancel: () => void;
}

/**
 * 我不在名单上 — for someone not bound and not on the roll: they name themself (name, ID
 * number, group picked from the village's list) and object that they are missing. The ID number is kept only as its keyed hash.
 */
export function RegSelfObjectionForm({ electionId, pending, error, onSubmit, onCancel }: SelfProps) {
  const me = useSelfIdentityState(electionId);
  const [details, setDetails] = useState('');
  const fieldError = (f: string) => error?.fields?.[`identity.${f}`] ?? error?.fields?.[f];

  if (!electionId) {
    return (
      <View className='card' data-testid='self-objection-no-election'>
        <Text className='card-title'>我不在选民名单上</Text>
        <Text className='text'>请用微信扫一扫村里张贴的选举公告上的二维码，再申诉。二维码里有本村这次选举的信息。</Text>
        <Button className='btn plain' id='self-objection-cancel' onClick={onCancel}>
          返回
        </Button>
      </View>
    );
  }
  const submit = () => {
    if (pending) return;
    void onSubmit({ kind: 'missingPerson', about: 'me', identity: { electionId, name: me.name, idNumber: me.idNumber, group: me.group, consent: me.consent as true }, details });
  };

  return (
    <View className='card' data-testid='self-objection-form'>
      <Text className='card-title'>我不在选民名单上</Text>
      <Text className='text muted'>选民名单公布后，本人应当登记却没有列入的，可以在申诉期限内申诉。选举委员会核实后书面答复，结果会发到这个微信上。</Text>
      <Text className='text small muted'>如果您收到了《选民登记告知书》，说明您已经在登记里了，请先绑定，不用填这张表。</Text>
      <View className='spacer' />
      <TextField id='self-objection-name' label='您的姓名' value={me.name} onChange={me.setName} error={fieldError('name')} placeholder='和身份证上一样' />
      <IdNumberField label='您的身份证号码' value={me.idNumber} onChange={me.setIdNumber} error={fieldError('idNumber')} />
      <GroupField id='self-objection-group' label='您是哪个村民小组的' groups={me.groups} value={me.group} onChange={me.setGroup} error={fieldError('group')} />
      <TextAreaField id='self-objection-details' label='写一下理由' hint='例如户口在本村、在外地打工要参加选举；请不要再写身份证号码或手机号码' value={details} onChange={setDetails} error={fieldError('details')} placeholder='至少写5个字' />
      <ConsentField id='self-objection-consent' checked={me.consent} onToggle={me.toggleConsent} error={fieldError('consent')} text='我同意为处理申诉而使用我的姓名和身份证号码。身份证号码只用来核对是否已经登记，不会公开。' />
      <FormError error={error} testId='self-objection-error' />
      <FormButtons idPrefix='self-objection' pending={pending} onSubmit={submit} onCancel={onCancel} cancelText='返回' />
    </View>
  );
}
