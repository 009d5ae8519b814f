import zhCN from './zh-CN';
import en from './en';

/** The shape of the message tree; every language file must have exactly these keys. */
export type Messages = typeof zhCN;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message key, dotted: `error.badCredentials`, `enum.state.vacant`, … */
export type MessageKey = Leaves<Messages>;

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources: Record<Language, Messages> = { 'zh-CN': zhCN, en };
