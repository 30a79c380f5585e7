export {
  registerBeforeSend,
  type ChannelDefinition,
  type OutboxItem,
  type BeforeSend,
  type BeforeSendContext,
  type SendDecision,
} from './channel.ts';
export { createDispatcher, type Dispatcher } from './dispatcher.ts';
export { createDispatchLoop, type DispatchLoop } from './loop.ts';
export { Rate } from './rate.ts';
