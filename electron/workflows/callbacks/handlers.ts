import type { callbacksContract } from '../../../shared/workflows/callbacks/contract';
import type { Handlers } from '../../host/handler';
import * as callbacks from './service';

export type CallbacksChannel = keyof typeof callbacksContract;

/** The callback queue: each channel to its service call. */
export const callbacksHandlers: Handlers<CallbacksChannel> = {
  'callbacks.list': (ctx, input) => callbacks.listCallbacks(ctx, input),
  'callbacks.get': (ctx, input) => callbacks.getCallback(ctx, input.id),
  'callbacks.attempt': (ctx, input) => callbacks.recordAttempt(ctx, input),
  'callbacks.rate': (ctx, input) => callbacks.rateBetween(ctx, input),
  'callbacks.reveal': (ctx, input) => callbacks.revealCallbackContact(ctx, input.id),
};
