/** The persona picker exists only in the H5 build (dev-persona-bar.h5.tsx). */
export default function DevPersonaBar() {
  return null;
}
