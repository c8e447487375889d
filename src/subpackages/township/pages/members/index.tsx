import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { FormError, TextAreaField } from '../../../../components/form-fields';
import TownshipGate from '../../../../components/township-gate';
import { useActionData } from '../../../../hooks/use-action';
import { memberTitle, useRevokeMember } from '../../../../hooks/use-township-members';
import { pageQuery } from '../../../../services/committee-nav';
import * as township from '../../../../contracts/township.contract';
import type { OutputOf } from '../../../../services/contracts';
import { dateTime } from '../../../../services/format';

type Member = OutputOf<typeof township.members>['members'][number];

/**
 * 选举委员会成员 of one village: seat, term (the election served), status and the linked voter
 * (name and group only). The township revokes a member with a reason, after a confirmation that
 * says the step cannot be undone; the server refuses that member from the next call on.
 */
export default function TownshipMembersPage() {
  return <TownshipGate>{({ loadedAt }) => <Members villageId={pageQuery().villageId ?? ''} reloadKey={String(loadedAt)} />}</TownshipGate>;
}

function Members({ villageId, reloadKey }: { villageId: string; reloadKey: string }) {
  const list = useActionData(township.members, villageId ? { villageId } : null, villageId ? `${villageId}:${reloadKey}` : null);
  const [open, setOpen] = useState<string | null>(null);
  const d = list.data;
  if (!villageId) return <Text className='notice error'>没有选择村（社区），请从乡镇工作台进入。</Text>;
  return (
    <View>
      <View className='card' id='members' data-testid='members'>
        <Text className='card-title'>{d ? `${d.village.name}选举委员会成员` : '选举委员会成员'}</Text>
        <Text className='text small muted'>成员被提名为候选人时，按规定自动退出选举委员会。撤销后此人立即不能再使用选举委员会的功能。</Text>
        {list.error ? <Text className='notice error'>{list.error.message}</Text> : null}
        {list.loading && !d ? <Text className='text muted'>正在加载…</Text> : null}
        {d && d.members.length === 0 ? <Text className='notice'>还没有成员。请在乡镇工作台给本村发邀请码。</Text> : null}
        {(d?.members ?? []).map((m, i) => (
          <MemberItem
            key={m.ref}
            index={i}
            m={m}
            villageId={villageId}
            open={open === m.ref}
            onOpen={() => setOpen(m.ref)}
            onClose={() => setOpen(null)}
            onRevoked={() => {
              setOpen(null);
              void list.reload();
            }}
          />
        ))}
      </View>
    </View>
  );
}

function statusOf(m: Member): { label: string; tone: 'ok' | 'warn' | '' } {
  if (m.status === 'revoked') return { label: '已撤销', tone: 'warn' };
  if (m.term?.ended) return { label: '任期已结束', tone: '' };
  return { label: m.term ? '在任' : '在任（等待本村创建选举）', tone: 'ok' };
}

interface ItemProps {
  /** Position in the list: element ids cannot carry the member's reference (it holds a colon). */
  index: number;
  m: Member;
  villageId: string;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  onRevoked: () => void;
}

function MemberItem({ index, m, villageId, open, onOpen, onClose, onRevoked }: ItemProps) {
  const s = statusOf(m);
  const serving = m.status === 'active' && !m.term?.ended;
  return (
    <View className='todo-item' id={`member-${index}`} data-member={m.ref} data-status={m.status}>
      <Text className='text strong'>{memberTitle(m)}</Text>
      <Text className={'badge' + (s.tone ? ` ${s.tone}` : '')}>{s.label}</Text>
      <Text className='text small'>任期：{m.term ? m.term.title : '本村下一场选举（创建后开始）'}</Text>
      <Text className='text small muted'>加入时间：{dateTime(m.joinedAt)}</Text>
      {m.revoked ? (
        <Text className='text small' data-testid='revoked-info'>
          {dateTime(m.revoked.at)}撤销：{m.revoked.reasonLabel}
          {m.revoked.note ? `，原因：${m.revoked.note}` : ''}
        </Text>
      ) : null}
      {serving && !open ? (
        <Button className='btn secondary' id={`revoke-open-${index}`} data-action='revoke' onClick={onOpen}>
          撤销
        </Button>
      ) : null}
      {serving && open ? <RevokeForm m={m} villageId={villageId} onCancel={onClose} onRevoked={onRevoked} /> : null}
    </View>
  );
}

function RevokeForm({ m, villageId, onCancel, onRevoked }: { m: Member; villageId: string; onCancel: () => void; onRevoked: () => void }) {
  const [reason, setReason] = useState('');
  const { revoke, pending, error, reasonError } = useRevokeMember(villageId);
  return (
    <View data-testid='revoke-form'>
      <TextAreaField
        id='revoke-reason'
        label='撤销原因'
        hint='写明为什么撤销，会记入操作记录。'
        value={reason}
        onChange={setReason}
        error={reasonError}
        placeholder='例如：本人辞职；工作调动'
        maxlength={200}
      />
      <FormError error={error} testId='revoke-error' />
      <View className='btn-row'>
        <Button className='btn plain' id='revoke-cancel' onClick={onCancel}>
          取消
        </Button>
        <Button
          className={'btn' + (pending ? ' disabled' : '')}
          id='revoke-submit'
          disabled={pending || undefined}
          onClick={() => void revoke(m, reason).then((done) => done && onRevoked())}
        >
          {pending ? '正在撤销…' : '确认撤销'}
        </Button>
      </View>
    </View>
  );
}
