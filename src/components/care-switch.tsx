import { Text, View } from '@tarojs/components';
import { useCareMode } from '../hooks/use-care-mode';

/** 关怀模式: bigger text and buttons on every page. */
export default function CareSwitch() {
  const [care, setCare] = useCareMode();
  return (
    <View className='card'>
      <View className='toggle-row' role='switch' aria-checked={care} data-testid='care-switch' id='care-switch' onClick={() => setCare(!care)}>
        <View>
          <Text className='card-title'>关怀模式（大字）</Text>
          <Text className='text small muted'>字和按钮都变大，看得更清楚</Text>
        </View>
        <View className={'toggle' + (care ? ' on' : '')}>
          <View className='toggle-knob' />
          <Text>{care ? '开' : '关'}</Text>
        </View>
      </View>
    </View>
  );
}
