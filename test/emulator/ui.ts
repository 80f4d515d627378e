/**
 * SpreadsheetApp.getUi() and HtmlService: recorded, not rendered.
 * https://developers.google.com/apps-script/reference/base/ui
 * https://developers.google.com/apps-script/reference/base/menu
 * https://developers.google.com/apps-script/reference/html/html-service
 * https://developers.google.com/apps-script/reference/html/html-output
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instrument } from './core';
import { Button, ButtonSet, enumName, SandboxMode, XFrameOptionsMode } from './enums';
import type { HtmlRecord, MenuRecord, World } from './world';

export class EmuHtmlOutput implements Pick<GoogleAppsScript.HTML.HtmlOutput, 'getContent' | 'getTitle'> {
  readonly record: HtmlRecord;

  constructor(
    readonly core: World,
    content: string,
    file: string | null,
  ) {
    this.record = { file, title: '', width: null, height: null, content };
  }

  getContent(): string {
    return this.record.content;
  }

  setContent(content: string): this {
    this.record.content = content;
    return this;
  }

  append(addedContent: string): this {
    this.record.content += addedContent;
    return this;
  }

  getTitle(): string {
    return this.record.title;
  }

  setTitle(title: string): this {
    this.record.title = title;
    return this;
  }

  getWidth(): number | null {
    return this.record.width;
  }

  setWidth(width: number): this {
    this.record.width = width;
    return this;
  }

  getHeight(): number | null {
    return this.record.height;
  }

  setHeight(height: number): this {
    this.record.height = height;
    return this;
  }

  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): this {
    return this;
  }

  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): this {
    return this;
  }

  addMetaTag(_name: string, _content: string): this {
    return this;
  }

  setFaviconUrl(_iconUrl: string): this {
    return this;
  }
}
instrument(EmuHtmlOutput, 'HtmlOutput');

export class EmuHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(readonly core: World) {}

  /**
   * Reads `<htmlDir>/<filename>.html` (the pushed project's HTML file). Without an htmlDir the output is
   * recorded with empty content. A missing file fails with Apps Script's message.
   */
  createHtmlOutputFromFile(filename: string): EmuHtmlOutput {
    const name = filename.replace(/\.html$/, '');
    if (this.core.htmlDir === null) return new EmuHtmlOutput(this.core, '', name);
    const path = join(this.core.htmlDir, `${name}.html`);
    if (!existsSync(path)) this.core.fail(`No HTML file named ${name} was found.`);
    return new EmuHtmlOutput(this.core, readFileSync(path, 'utf8'), name);
  }

  createHtmlOutput(html?: string): EmuHtmlOutput {
    return new EmuHtmlOutput(this.core, html ?? '', null);
  }
}
instrument(EmuHtmlService, 'HtmlService');

function htmlRecord(world: World, output: unknown): HtmlRecord {
  if (!(output instanceof EmuHtmlOutput)) return world.fail('Invalid argument: userInterface');
  return { ...output.record };
}

export class EmuMenu {
  readonly record: MenuRecord;

  constructor(
    readonly core: World,
    kind: MenuRecord['kind'],
    caption: string,
  ) {
    this.record = { kind, caption, items: [] };
  }

  addItem(caption: string, functionName: string): this {
    this.record.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.record.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: EmuMenu): this {
    this.record.items.push({ subMenu: menu.record });
    return this;
  }

  /** Adding a menu with the same caption again replaces it (as re-running onOpen does). */
  addToUi(): void {
    const menus = this.core.ui.menus;
    const existing = menus.findIndex(
      (menu) => menu.kind === this.record.kind && menu.caption === this.record.caption,
    );
    if (existing >= 0) menus.splice(existing, 1);
    menus.push(this.record);
  }
}
instrument(EmuMenu, 'Menu');

export class EmuUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(readonly core: World) {}

  /** The add-on menu's caption is the add-on's name; the emulator records it as 'Add-on'. */
  createAddonMenu(): EmuMenu {
    return new EmuMenu(this.core, 'addon', 'Add-on');
  }

  createMenu(caption: string): EmuMenu {
    return new EmuMenu(this.core, 'custom', caption);
  }

  showSidebar(userInterface: unknown): void {
    this.core.ui.sidebars.push(htmlRecord(this.core, userInterface));
  }

  showModalDialog(userInterface: unknown, title: string): void {
    this.core.ui.dialogs.push({ ...htmlRecord(this.core, userInterface), dialogTitle: title, modal: true });
  }

  showModelessDialog(userInterface: unknown, title: string): void {
    this.core.ui.dialogs.push({ ...htmlRecord(this.core, userInterface), dialogTitle: title, modal: false });
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons); returns `ui.alertResponse`. */
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const [first, second, third] = args;
    const record =
      args.length >= 3
        ? { title: String(first), prompt: String(second), buttons: enumName(third) }
        : { title: null, prompt: String(first), buttons: args.length === 2 ? enumName(second) : null };
    this.core.ui.alerts.push(record);
    return this.core.ui.alertResponse as unknown as GoogleAppsScript.Base.Button;
  }
}
instrument(EmuUi, 'Ui');
