import { useEffect, useState } from 'react';
import type { UnitDetail } from '../../../shared/master/schema';
import { invoke } from '../api';
import { useNotifyError } from './feedback';

/**
 * The unit picked on a form, with its people (a slip's carrier, a repair's reporter are picked from them);
 * null while none is picked or when it could not be read (the error is shown). A late answer for a unit no
 * longer picked is dropped.
 */
export function useUnitDetail(unitId: string | null | undefined): UnitDetail | null {
  const notify = useNotifyError();
  const [unit, setUnit] = useState<UnitDetail | null>(null);
  useEffect(() => {
    if (!unitId) {
      setUnit(null);
      return;
    }
    let alive = true;
    invoke('units.get', { id: unitId })
      .then((u) => {
        if (alive) setUnit(u);
      })
      .catch((e: unknown) => {
        if (alive) {
          setUnit(null);
          notify(e);
        }
      });
    return () => {
      alive = false;
    };
  }, [unitId, notify]);
  return unit;
}
