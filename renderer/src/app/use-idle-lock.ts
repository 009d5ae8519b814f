import { useEffect } from 'react';
import { lockNow } from './session';

const EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'pointerdown'] as const;

/**
 * Locks the screen after `minutes` without mouse or keyboard activity. The host enforces the
 * same limit on its side; this makes the lock visible at once instead of on the next call.
 */
export function useIdleLock(minutes: number, active: boolean) {
  useEffect(() => {
    if (!active || !(minutes > 0)) return;
    let last = Date.now();
    const bump = () => {
      last = Date.now();
    };
    for (const e of EVENTS) window.addEventListener(e, bump, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) void lockNow();
    }, 5_000);
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, bump, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes, active]);
}
