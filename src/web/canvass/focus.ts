import { useCallback } from 'react';

/**
 * A screen's heading takes the focus when the screen opens, so a screen reader says where the
 * volunteer is and the keyboard starts from the top (as a new page would). Not on the first
 * screen of a visit: the browser starts there anyway.
 */
let firstScreen = true;

export function useScreenHeading(skip = false) {
  return useCallback(
    (heading: HTMLHeadingElement | null) => {
      if (!heading) return;
      if (firstScreen) {
        firstScreen = false;
        return;
      }
      if (!skip) heading.focus();
    },
    [skip],
  );
}
