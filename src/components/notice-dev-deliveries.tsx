/** 推送记录 exists only in the H5 dev build (notice-dev-deliveries.h5.tsx). */
export default function NoticeDevDeliveries() {
  return null;
}

export function NoticeDevDeliveriesEntry(_props: { onOpen: () => void }) {
  return null;
}
