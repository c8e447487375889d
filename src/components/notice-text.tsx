import { Text, View } from '@tarojs/components';

interface Props {
  readonly typeLabel: string;
  /** The line beside the type: when it was published, or that this is a preview. */
  readonly meta: string;
  readonly title: string;
  readonly body: string;
}

/** A notice as villagers read it: type and date line, title, one paragraph per non-empty line. The compose preview shows the same. */
export default function NoticeText({ typeLabel, meta, title, body }: Props) {
  return (
    <>
      <View className='notice-meta'>
        <Text className='notice-type'>{typeLabel}</Text>
        <Text>{meta}</Text>
      </View>
      <Text className='title'>{title}</Text>
      {body
        .split('\n')
        .filter((p) => p.trim())
        .map((p, i) => (
          <Text className='notice-body-para' key={i}>
            {p}
          </Text>
        ))}
    </>
  );
}
