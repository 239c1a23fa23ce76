/**
 * «Версия для слабовидящих» of the public pages (Rosobrnadzor order No. 831: school sites offer a
 * version for the visually impaired): larger text and controls, black on white, underlined links,
 * a heavy focus ring. The choice is remembered in localStorage and applies to the public pages
 * only (set on <html> while one of them is open, so drop-downs in portals follow it too).
 */
import { useCallback, useEffect, useState } from 'react';

const STORAGE_KEY = 'opora_contrast';

function stored(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'high';
  } catch {
    return false;
  }
}

export function useHighContrast(): [boolean, (next: boolean) => void] {
  const [high, setHigh] = useState(stored);
  useEffect(() => {
    const root = document.documentElement;
    if (high) root.dataset.contrast = 'high';
    else delete root.dataset.contrast;
    return () => {
      delete root.dataset.contrast;
    };
  }, [high]);
  const change = useCallback((next: boolean) => {
    setHigh(next);
    try {
      if (next) window.localStorage.setItem(STORAGE_KEY, 'high');
      else window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  return [high, change];
}
