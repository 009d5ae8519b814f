import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { invoke } from '../api';

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Reads one channel and re-reads when the input changes (compared by value). The previous data
 * stays on screen while reloading, so paged tables do not flicker; late answers are dropped.
 * Pass `null` as input to skip the call.
 */
export function useQuery<C extends Channel>(channel: C, input: ChannelInput<C> | null): QueryState<ChannelOutput<C>> {
  const key = input === null ? null : JSON.stringify(input);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ data: ChannelOutput<C> | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: null,
    loading: key !== null,
  });
  const seq = useRef(0);

  useEffect(() => {
    if (key === null) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    invoke(channel, JSON.parse(key) as ChannelInput<C>).then(
      (data) => {
        if (mine === seq.current) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (mine === seq.current) setState((s) => ({ data: s.data, error, loading: false }));
      },
    );
  }, [channel, key, tick]);

  const reload = useCallback(() => setTick((x) => x + 1), []);
  return { ...state, reload };
}

/**
 * What a record's page shows: the latest answer of its query, or the record an action on the page just
 * returned (`set`), whichever came last.
 */
export function useLatest<T>(data: T | undefined): [T | undefined, (value: T) => void] {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (data) setValue(data);
  }, [data]);
  return [value, setValue];
}
