import { Button, Text, View } from '@tarojs/components';
import { BIND_PURPOSE } from '../../components/privacy-text';
import CareSwitch from '../../components/care-switch';
import PageShell from '../../components/page-shell';
import { useSession } from '../../hooks/session-store';
import { useUnbind } from '../../hooks/use-identity-actions';
import { ROLE_LABELS } from '../../services/format';
import { openCommitteeDashboard, openTab } from '../../services/navigation';
import { openTownshipPage } from '../../services/township-nav';

/** 我的: who I am (masked), large text, privacy notice, unbind. */
export default function MePage() {
  const { whoami } = useSession();
  const { unbind, pending } = useUnbind();
  const voter = whoami?.voter ?? null;
  const roles = (whoami?.roles ?? []).map((r) => ROLE_LABELS[r] ?? r).join('、');

  return (
    <PageShell>
      <View className='card' data-testid='me-identity'>
        <Text className='card-title'>我的身份</Text>
        {voter ? (
          <View className='rows'>
            <View className='row'>
              <Text className='row-key'>姓名</Text>
              <Text className='row-value'>{voter.name}</Text>
            </View>
            <View className='row'>
              <Text className='row-key'>身份证号码</Text>
              <Text className='row-value'>已核验</Text>
            </View>
            <View className='row'>
              <Text className='row-key'>村（社区）</Text>
              <Text className='row-value'>{voter.villageName}</Text>
            </View>
          </View>
        ) : (
          <>
            <Text className='text'>还没有绑定选民身份。</Text>
            <Button className='btn' onClick={() => openTab('registration')}>
              去绑定
            </Button>
          </>
        )}
        {roles ? <Text className='text small muted'>身份：{roles}</Text> : null}
      </View>

      <CareSwitch />

      {(whoami?.committeeOf.length ?? 0) > 0 ? (
        <Button className='btn secondary' onClick={openCommitteeDashboard}>
          选举委员会工作台
        </Button>
      ) : null}
      {whoami?.roles.includes('township') ? (
        <Button className='btn secondary' id='me-township' onClick={() => openTownshipPage('overview')}>
          乡镇工作台
        </Button>
      ) : null}

      <View className='card' data-testid='privacy'>
        <Text className='card-title'>个人信息说明</Text>
        <Text className='text'>{BIND_PURPOSE}</Text>
        <View className='spacer' />
        <Text className='text'>
          我们只为本村（社区）换届选举处理您的信息：核对选民名单、通知您办事的截止时间。不用于其他用途，不提供给其他单位和个人。选举工作结束后按规定保存和删除。
        </Text>
        <View className='spacer' />
        <Text className='text'>您可以随时解除绑定；对信息有疑问，可以找村选举委员会或乡镇（街道）。</Text>
      </View>

      {voter ? (
        <Button className='btn plain' id='me-unbind' disabled={pending || undefined} onClick={unbind}>
          解除绑定
        </Button>
      ) : null}
    </PageShell>
  );
}
