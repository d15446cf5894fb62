import 'i18next';
import type en from './en.json';

// Keys are checked at compile time against the English file; i18n.test.ts proves the others match it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
