import { en } from './en.js';
import { nl } from './nl.js';
import type { Words } from './words.js';

export type { Numbers, Words } from './words.js';

/** The languages `fans` speaks: `--lang` takes these. */
export const languages = { en, nl } as const satisfies Record<string, Words>;
export type Language = keyof typeof languages;
export const languageNames = Object.keys(languages) as Language[];

/**
 * The language of the environment: the language part of LC_ALL, then LC_MESSAGES, then
 * LANG (`nl_NL.UTF-8` is nl), when `fans` speaks it; else English.
 */
export function environmentLanguage(env: Readonly<Record<string, string | undefined>>): Language {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value) continue;
    const language = value.split(/[_.@-]/)[0]!.toLowerCase();
    return Object.hasOwn(languages, language) ? (language as Language) : 'en';
  }
  return 'en';
}
