/** In the mini-program WeChat shows its own subscribe dialog; only the H5 dev build simulates one (.h5.tsx). */
export default function NoticeConsentDialog() {
  return null;
}
