import { en } from './en.ts';
import { type MessageKey, type Messages, zhCN } from './zh-CN.ts';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

const DICTIONARIES: Record<Language, Messages> = { 'zh-CN': zhCN, en };

export type Params = Record<string, string | number>;

/** The message for a key in a language, with `{name}` placeholders filled in. */
export function translate(lang: Language, key: MessageKey, params?: Params): string {
  const template = DICTIONARIES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
