/**
 * Element helpers for the sidebar. Data reaches the page only as text nodes and attribute values set one by
 * one: customer names, sheet names and headers can hold `<script>` or `<img onerror>`, and must show as text.
 * There is no innerHTML anywhere in the sidebar.
 */

/** Attributes that may carry data; event handlers (`on…`) and URLs are not among them. */
type SafeAttribute =
  | 'class'
  | 'id'
  | 'type'
  | 'name'
  | 'value'
  | 'for'
  | 'title'
  | 'role'
  | 'min'
  | 'max'
  | 'step'
  | 'placeholder'
  | 'inputmode'
  | 'aria-label'
  | 'aria-hidden'
  | 'aria-live'
  | 'aria-current'
  | 'aria-invalid'
  | 'aria-expanded'
  | 'aria-pressed'
  | 'aria-valuenow'
  | 'aria-valuemin'
  | 'aria-valuemax'
  | 'data-testid'
  | 'data-field'
  | 'data-state'
  | 'data-key'
  | 'rows'
  | 'spellcheck'
  | 'colspan';

export type Attributes = Partial<Record<SafeAttribute, string | number | undefined>>;
export type Child = Node | string | number | null | undefined | false;

export interface ElementOptions extends Attributes {
  /** Click handler; the element also gets `type="button"` when it is a button without one. */
  onClick?: (event: MouseEvent) => void;
  onChange?: (event: Event) => void;
  onInput?: (event: Event) => void;
  disabled?: boolean;
  checked?: boolean;
  selected?: boolean;
  /** A CSS colour for the background (segment chips); set through the style object, never as markup. */
  background?: string;
}

/** Builds an element; strings among the children become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  const { onClick, onChange, onInput, disabled, checked, selected, background, ...attributes } = options;
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, String(value));
  }
  if (tag === 'button' && attributes.type === undefined) element.setAttribute('type', 'button');
  // A textarea shows its content, not a value attribute.
  if (tag === 'textarea' && attributes.value !== undefined)
    (element as HTMLTextAreaElement).value = String(attributes.value);
  if (onClick) element.addEventListener('click', onClick as EventListener);
  if (onChange) element.addEventListener('change', onChange);
  if (onInput) element.addEventListener('input', onInput);
  if (disabled !== undefined) (element as HTMLInputElement).disabled = disabled;
  if (checked !== undefined) (element as HTMLInputElement).checked = checked;
  if (selected !== undefined) (element as HTMLOptionElement).selected = selected;
  if (background !== undefined) element.style.backgroundColor = safeColour(background);
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? text(child) : child);
  }
}

export function text(value: string | number): Text {
  return document.createTextNode(String(value));
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** `#rgb` or `#rrggbb` only: a segment colour comes from the server, but a style value is still markup. */
export function safeColour(colour: string): string {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour) ? colour : '#9aa0a6';
}

/** A `<select>` of options `[value, label]`, with `selected` chosen. */
export function select(
  options: ElementOptions,
  choices: readonly (readonly [string, string])[],
  selected: string,
): HTMLSelectElement {
  return el(
    'select',
    options,
    ...choices.map(([value, label]) => el('option', { value, selected: value === selected }, label)),
  );
}

/** A row of toggle buttons, one pressed: Material's segmented button. */
export function segmented<T extends string>(
  label: string,
  choices: readonly (readonly [T, string])[],
  current: T,
  onPick: (value: T) => void,
  testId?: string,
): HTMLElement {
  return el(
    'div',
    { class: 'segmented', role: 'group', 'aria-label': label, 'data-testid': testId },
    ...choices.map(([value, caption]) =>
      el(
        'button',
        {
          class: value === current ? 'segment on' : 'segment',
          'aria-pressed': value === current ? 'true' : 'false',
          value,
          onClick: () => onPick(value),
        },
        caption,
      ),
    ),
  );
}

/** A labelled radio button. */
export function radio(
  name: string,
  value: string,
  label: Child,
  checked: boolean,
  onPick: () => void,
  testId?: string,
): HTMLLabelElement {
  return el(
    'label',
    { class: 'radio' },
    el('input', { type: 'radio', name, value, checked, onChange: onPick, 'data-testid': testId }),
    el('span', {}, label),
  );
}
