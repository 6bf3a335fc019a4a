import { UAParser } from 'ua-parser-js';

/** "Firefox 145 op Linux" from a User-Agent header, for the owner's list of sessions; null when nothing is recognised. */
export function browserLabel(userAgent: string | undefined): string | null {
  if (!userAgent) return null;
  const { browser, os } = new UAParser(userAgent).getResult();
  const name = [browser.name, browser.major].filter(Boolean).join(' ');
  const system = [os.name, os.name === 'Windows' || os.name === 'Mac OS' ? os.version : undefined].filter(Boolean).join(' ');
  const label = name && system ? `${name} op ${system}` : name || system;
  return label ? label.slice(0, 120) : null;
}
