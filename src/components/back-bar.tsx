/** Mini-program: the navigation bar has its own back arrow; the browser build shows back-bar.h5.tsx. */
export default function BackBar() {
  return null;
}
