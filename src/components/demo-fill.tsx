export interface DemoValues {
  name: string;
  idNumber: string;
  bindingCode: string;
}

/** 填入演示数据 exists only in the H5 dev build (demo-fill.h5.tsx). */
export default function DemoFill(_props: { onFill: (v: DemoValues) => void }) {
  return null;
}
