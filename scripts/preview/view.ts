/**
 * The preview page's spreadsheet view: the emulated spreadsheet's tabs along the bottom (with their tab
 * colours) and the shown tab as a table with its cell backgrounds, font colours and weights. It polls the
 * server's version and re-renders when a call may have changed the spreadsheet (a run, openTab, a paste).
 * The shown tab is the spreadsheet's active tab: clicking a tab activates it there, as in Sheets.
 * Cell text goes in through textContent only: the sample has names like `<img src=x onerror=…>`.
 */

interface TabInfo {
  name: string;
  colour: string | null;
  hidden: boolean;
  rows: number;
  columns: number;
}

interface SpreadsheetState {
  version: number;
  active: string;
  tabs: TabInfo[];
}

interface CellView {
  v: string;
  bg?: string;
  fc?: string;
  b?: boolean;
}

interface TabCells {
  name: string;
  rows: number;
  columns: number;
  frozenRows: number;
  cells: CellView[][];
}

const POLL_MS = 800;
const grid = document.querySelector<HTMLElement>('[data-testid="sheet-grid"]')!;
const tabBar = document.querySelector<HTMLElement>('[data-testid="sheet-tabs"]')!;
let shownVersion = -1;
/** The tab on screen: always the spreadsheet's active tab, as in Sheets. */
let shownTab = '';

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cell(tag: 'td' | 'th', value: string, className?: string): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = value;
  if (className) element.className = className;
  return element;
}

function renderTabs(state: SpreadsheetState): void {
  tabBar.replaceChildren(
    ...state.tabs.map((tab) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = tab.name;
      button.dataset.name = tab.name;
      button.dataset.testid = 'sheet-tab';
      button.className = [tab.name === shownTab ? 'active' : '', tab.hidden ? 'hidden-tab' : '']
        .join(' ')
        .trim();
      if (tab.colour) button.style.borderBottomColor = tab.colour;
      button.title = `${tab.rows} × ${tab.columns}${tab.hidden ? ' (hidden)' : ''}`;
      // A click activates the tab in the spreadsheet, as in Sheets; the view then follows the active tab.
      button.addEventListener('click', () => {
        void post('/activate', { name: tab.name }).then(() => refreshInOrder());
      });
      return button;
    }),
  );
}

async function showTab(state: SpreadsheetState): Promise<void> {
  renderTabs(state);
  const response = await fetch(`/tab?name=${encodeURIComponent(shownTab)}`);
  if (!response.ok) return;
  const tab = (await response.json()) as TabCells;
  const table = document.createElement('table');
  table.dataset.tab = tab.name;
  const head = document.createElement('tr');
  head.append(cell('th', '', 'row'));
  for (let column = 0; column < tab.columns; column++) head.append(cell('th', columnName(column)));
  table.append(head);
  tab.cells.forEach((row, index) => {
    const tr = document.createElement('tr');
    if (index + 1 === tab.frozenRows) tr.className = 'frozen';
    tr.append(cell('th', String(index + 1), 'row'));
    for (const view of row) {
      const td = cell('td', view.v);
      if (view.bg) td.style.backgroundColor = view.bg;
      if (view.fc) td.style.color = view.fc;
      if (view.b) td.style.fontWeight = 'bold';
      tr.append(td);
    }
    table.append(tr);
  });
  const parts: Node[] = [table];
  if (tab.cells.length < tab.rows) {
    parts.push(cell('td', `Showing the first ${tab.cells.length} of ${tab.rows} rows.`, 'truncated'));
  }
  grid.replaceChildren(...parts);
}

async function refresh(): Promise<void> {
  const state = (await (await fetch('/state')).json()) as SpreadsheetState;
  if (state.version === shownVersion) return;
  shownVersion = state.version;
  shownTab = state.active;
  await showTab(state);
}

let queue: Promise<void> = Promise.resolve();
/** Refreshes one after another, so an older answer never paints over a newer one. */
function refreshInOrder(): Promise<void> {
  queue = queue.then(refresh).catch(() => undefined);
  return queue;
}

async function post(path: string, body: unknown): Promise<{ ok: boolean; error?: { message: string } }> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; error?: { message: string } };
}

const failButton = document.querySelector<HTMLButtonElement>('[data-testid="fail-next"]')!;
failButton.addEventListener('click', () => {
  void post('/fail', {}).then(() => failButton.setAttribute('aria-pressed', 'true'));
});

document.querySelector('[data-testid="reset"]')!.addEventListener('click', () => {
  void post('/reset', {}).then(() => {
    failButton.setAttribute('aria-pressed', 'false');
    // The sidebar reloads too: its state described the old spreadsheet.
    document
      .querySelector<HTMLIFrameElement>('[data-testid="sidebar-frame"]')!
      .contentWindow?.location.reload();
  });
});

document.querySelector<HTMLInputElement>('[data-testid="add-csv"]')!.addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  void file.text().then(async (csv) => {
    const answer = await post('/paste', { name: file.name.replace(/\.[^.]+$/, ''), csv });
    if (!answer.ok) alert(answer.error?.message ?? 'The file could not be added.');
    input.value = '';
  });
});

void refreshInOrder();
setInterval(() => void refreshInOrder(), POLL_MS);
