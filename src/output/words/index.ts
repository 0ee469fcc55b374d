import { beforeAny } from '../before-any.js';
import { en } from './en.js';
import type { Words } from './words.js';

export type { Numbers, Words } from './words.js';

/** The languages `fans` speaks: `--lang` takes these. */
export const languageNames = ['en', 'nl'] as const;
export type Language = (typeof languageNames)[number];

/**
 * A language's words. English is always at hand (the charts and tables fall back on it); the
 * Dutch words are a file of their own in the build (dist/nl.cjs), loaded only for them.
 *
 * @example (await wordsOf('nl')).column('total') // => 'totaal'
 */
export async function wordsOf(language: Language): Promise<Words> {
  return language === 'nl' ? (await import('./nl.js')).nl : en;
}

/**
 * The language of the environment: the language part of LC_ALL, then LC_MESSAGES, then
 * LANG (`nl_NL.UTF-8` is nl), when `fans` speaks it; else English.
 */
export function environmentLanguage(env: Readonly<Record<string, string | undefined>>): Language {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value) continue;
    const language = beforeAny(value, '_.@-').toLowerCase();
    return (languageNames as readonly string[]).includes(language) ? (language as Language) : 'en';
  }
  return 'en';
}
