import { appContract } from './app/contract';
import { masterContract } from './master/contract';
import { slipsContract } from './workflows/slips/contract';
import { occupancyReportContract } from './workflows/occupancy-report/contract';
import { repairsContract } from './workflows/repairs/contract';
import { callbacksContract } from './workflows/callbacks/contract';
import { decorationContract } from './workflows/decoration/contract';
import { moveInContract } from './workflows/move-in/contract';
import type { z } from 'zod';

export type { ChannelDef } from './kernel/channel';
export { AppStatusSchema, SessionUserSchema, TodaySchema, type AppStatus, type SessionUser } from './app/schema';
export { ImportProgressSchema, ImportSummarySchema, type ImportProgress, type ImportSummary } from './master/contract';

/** Every channel: the union of the slices, one line a workflow. */
export const contract = {
  ...appContract,
  ...masterContract,
  ...slipsContract,
  ...occupancyReportContract,
  ...repairsContract,
  ...callbacksContract,
  ...decorationContract,
  ...moveInContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
