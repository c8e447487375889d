import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDevPersonas } from '../hooks/use-dev-personas';
import NoticeDevDeliveries, { NoticeDevDeliveriesEntry } from './notice-dev-deliveries';
import './dev-persona-bar.h5.scss';

/** 开发模式 persona picker: shown only when the local host answers GET /dev/personas. */
export default function DevPersonaBar() {
  const { personas, chosen, choose } = useDevPersonas();
  const [open, setOpen] = useState(false);
  if (!personas) return null;
  return (
    <View className='devbar' data-testid='devbar'>
      <View className='devbar-strip'>
        <Text className='devbar-text'>开发模式：当前身份 {chosen ? chosen.label : '未选择'}</Text>
        <View className='devbar-switch' role='button' onClick={() => setOpen(!open)}>
          {open ? '收起' : '切换'}
        </View>
      </View>
      {open ? (
        <View className='devbar-list'>
          {personas.map((p) => (
            <View
              key={p.key}
              role='button'
              className={'devbar-item' + (chosen?.key === p.key ? ' on' : '')}
              data-persona={p.key}
              onClick={() => {
                choose(p);
                setOpen(false);
              }}
            >
              <Text className='devbar-item-label'>{p.label}</Text>
              <Text className='devbar-item-hint'>{p.hint}</Text>
            </View>
          ))}
          <View
            role='button'
            className='devbar-item'
            data-persona='none'
            onClick={() => {
              choose(null);
              setOpen(false);
            }}
          >
            <Text className='devbar-item-label'>不选身份（未登录的新用户）</Text>
          </View>
          <NoticeDevDeliveriesEntry onOpen={() => setOpen(false)} />
        </View>
      ) : null}
      <NoticeDevDeliveries />
    </View>
  );
}
