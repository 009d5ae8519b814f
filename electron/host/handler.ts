import type { Channel, ChannelOutput, ChannelParsedInput, SessionUser, AppStatus } from '../../shared/contract';
import type { ServiceCtx } from './context';

/** A signed-in session as the host keeps it. */
export interface Session {
  user: SessionUser;
  lastActive: number;
  locked: boolean;
  /** Shown once to the manager of this session (an unclean stop found at start). */
  notice: AppStatus['notice'];
}

export interface Call {
  sessionKey: string;
  session: Session | null;
}

/** One channel's handler: its parsed input in, its output (checked against the contract by the host) out. */
export type Handler<C extends Channel> = (ctx: ServiceCtx, input: ChannelParsedInput<C>, call: Call) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** A workflow's handler map: one handler for each channel of its contract slice. */
export type Handlers<K extends Channel> = { [C in K]: Handler<C> };
