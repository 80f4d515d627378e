/** Widgets shared by the screens: screen frame, buttons, notices, field labels. */
import { el, type Child, type ElementOptions } from './dom';

export function screen(testId: string, title: string, ...children: Child[]): HTMLElement {
  return el('section', { class: 'screen', 'data-testid': testId }, el('h2', {}, title), ...children);
}

export function primaryButton(label: string, options: ElementOptions = {}): HTMLButtonElement {
  return el('button', { ...options, class: 'button primary' }, label);
}

export function textButton(label: string, options: ElementOptions = {}): HTMLButtonElement {
  return el('button', { ...options, class: 'button text' }, label);
}

/** The row of buttons at the bottom of a screen: back on the left, forward on the right. */
export function actions(...buttons: Child[]): HTMLElement {
  return el('div', { class: 'actions' }, ...buttons);
}

/** A message box: `error` for what stops the user, `info` for what they should know. */
export function notice(kind: 'error' | 'info' | 'warning', ...children: Child[]): HTMLElement {
  return el(
    'div',
    { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': `notice-${kind}` },
    ...children,
  );
}

/** A field with a caption above it. */
export function field(caption: string, control: Child, ...below: Child[]): HTMLElement {
  return el('label', { class: 'field' }, el('span', { class: 'caption' }, caption), control, ...below);
}

/** A spinner line while the server works. */
export function busyLine(message: string): HTMLElement {
  return el(
    'div',
    { class: 'busy', role: 'status', 'data-testid': 'busy' },
    el('span', { class: 'spinner' }),
    message,
  );
}

export function hint(...children: Child[]): HTMLElement {
  return el('p', { class: 'hint' }, ...children);
}
