/**
 * The preview page's spreadsheet view: the emulated spreadsheet's tabs along the bottom (with their tab
 * colours) and the shown tab as a table with its cell backgrounds, font colours and weights. It polls the
 * server's version and re-renders when a call may have changed the spreadsheet (a run, openTab, a paste).
 * The shown tab is the spreadsheet's active tab: clicking a tab activates it there, as in Sheets. The charts
 * the add-on inserts are drawn where they are anchored (SVG, from the values they plot), and the cell a
 * data-issue link selected is outlined. Files (.csv, .tsv, .xlsx) and cells pasted from a spreadsheet become
 * new tabs. The page's words follow the preview's language (--lang).
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
  language?: string;
  selection?: { sheet: string; a1: string } | null;
  tabs: TabInfo[];
}

interface ChartView {
  type: string;
  title: string;
  anchor: { row: number; column: number };
  /** The plotted range's values, header row first. */
  values: (string | number)[][];
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
  /** The 1-based row of `cells[0]`: 1, or further down around a selected cell. */
  firstRow?: number;
  cells: CellView[][];
  charts?: ChartView[];
}

const WORDS = {
  vi: {
    note: 'Xem thử: một bảng tính giả lập với cửa hàng mẫu; thanh bên chạy đúng bản add-on đã build.',
    addFile: 'Thêm tab từ tệp CSV hoặc Excel',
    addFileTitle: 'Tệp CSV thành một tab; tệp .xlsx: mỗi trang tính thành một tab',
    paste: 'Dán ô từ bộ nhớ tạm',
    pasteTitle: 'Dán các ô đã sao chép từ Google Sheets hoặc Excel thành một tab mới (hoặc bấm Ctrl+V ở đây)',
    failNext: 'Cho lần chạy sau thất bại',
    reset: 'Làm lại từ đầu',
    pastedName: 'Dữ liệu dán',
    fileFailed: 'Không thêm được tệp',
    pasteFailed: 'Không dán được',
    clipboardDenied:
      'Trình duyệt không cho đọc bộ nhớ tạm. Hãy bấm vào bảng tính rồi nhấn Ctrl+V (⌘V trên Mac).',
    clipboardEmpty: 'Bộ nhớ tạm không có ô nào.',
    truncated: (from: number, to: number, rows: number) => `Đang hiện dòng ${from}–${to} trong ${rows} dòng.`,
    hidden: ' (ẩn)',
  },
  en: {
    note: 'Preview: an emulated spreadsheet with the sample shop; the sidebar runs the built add-on.',
    addFile: 'Add a tab from a CSV or Excel file',
    addFileTitle: 'A CSV file becomes a tab; an .xlsx file: each sheet becomes a tab',
    paste: 'Paste cells from the clipboard',
    pasteTitle: 'Paste cells copied from Google Sheets or Excel as a new tab (or press Ctrl+V here)',
    failNext: 'Make the next run fail',
    reset: 'Start over',
    pastedName: 'Pasted',
    fileFailed: 'The file could not be added',
    pasteFailed: 'The cells could not be pasted',
    clipboardDenied:
      'The browser does not allow reading the clipboard. Click the sheet and press Ctrl+V (⌘V on a Mac).',
    clipboardEmpty: 'The clipboard holds no cells.',
    truncated: (from: number, to: number, rows: number) => `Showing rows ${from}–${to} of ${rows}.`,
    hidden: ' (hidden)',
  },
};
type Words = (typeof WORDS)['en'];
let words: Words = WORDS.en;

/** Puts the page's own words in the preview's language (once, from the first state). */
function applyWords(language: string | undefined): void {
  words = language === 'vi' ? WORDS.vi : WORDS.en;
  document.documentElement.lang = language === 'vi' ? 'vi' : 'en';
  const set = (selector: string, text: string, title?: string) => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) return;
    const label = element.querySelector('[data-words]') ?? element;
    label.textContent = text;
    if (title) element.title = title;
  };
  set('[data-testid="note"]', words.note);
  set('[data-testid="add-file-label"]', words.addFile, words.addFileTitle);
  set('[data-testid="paste-cells"]', words.paste, words.pasteTitle);
  set('[data-testid="fail-next"]', words.failNext);
  set('[data-testid="reset"]', words.reset);
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
      button.title = `${tab.rows} × ${tab.columns}${tab.hidden ? words.hidden : ''}`;
      // A click activates the tab in the spreadsheet, as in Sheets; the view then follows the active tab.
      button.addEventListener('click', () => {
        void post('/activate', { name: tab.name }).then(() => refreshInOrder());
      });
      return button;
    }),
  );
}

/** A1 `C12` → 0-based row and column; null for anything else (a row `12:12` outlines its first cell). */
function cellAt(a1: string): { row: number; column: number } | null {
  const match = /^([A-Z]+)(\d+)(?::|$)/.exec(a1) ?? /^()(\d+):\d+$/.exec(a1);
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: Math.max(0, column - 1) };
}

const SVG = 'http://www.w3.org/2000/svg';
const SERIES_COLOURS = [
  '#4285f4',
  '#db4437',
  '#f4b400',
  '#0f9d58',
  '#ab47bc',
  '#00acc1',
  '#ff7043',
  '#9e9d24',
];

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * One chart as Sheets would draw it, small: bars (labels down the side), columns, lines (one per value column,
 * with a legend) or a pie. Values that are not numbers count as 0.
 */
function drawChart(chart: ChartView): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.dataset.testid = 'sheet-chart';
  figure.dataset.type = chart.type;
  const caption = document.createElement('figcaption');
  caption.textContent = chart.title;
  figure.append(caption);
  const [header = [], ...rows] = chart.values;
  const labels = rows.map((row) => String(row[0] ?? ''));
  const series = header.slice(1).map((name, i) => ({
    name: String(name),
    colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!,
    values: rows.map((row) => (typeof row[i + 1] === 'number' ? (row[i + 1] as number) : 0)),
  }));
  const max = Math.max(1, ...series.flatMap((one) => one.values));
  const width = 420;
  let height = 240;
  const plot = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  plot.setAttribute('aria-label', chart.title);
  if (chart.type === 'bar') {
    const bar = 16;
    height = rows.length * (bar + 6) + 10;
    plot.setAttribute('height', String(height));
    plot.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const left = 150;
    rows.forEach((_, i) => {
      const y = 5 + i * (bar + 6);
      const value = series[0]?.values[i] ?? 0;
      const length = ((width - left - 50) * value) / max;
      plot.append(
        svg('text', { x: left - 6, y: y + bar - 4, 'text-anchor': 'end', 'font-size': 11 }, labels[i]!),
      );
      plot.append(
        svg('rect', { x: left, y, width: Math.max(1, length), height: bar, fill: SERIES_COLOURS[0]! }),
      );
      plot.append(svg('text', { x: left + length + 4, y: y + bar - 4, 'font-size': 11 }, String(value)));
    });
  } else if (chart.type === 'pie') {
    const total = series[0]?.values.reduce((sum, value) => sum + value, 0) || 1;
    let angle = -Math.PI / 2;
    series[0]?.values.forEach((value, i) => {
      const next = angle + (2 * Math.PI * value) / total;
      const point = (a: number) => `${120 + 100 * Math.cos(a)} ${120 + 100 * Math.sin(a)}`;
      const large = next - angle > Math.PI ? 1 : 0;
      const path = svg('path', {
        d: `M 120 120 L ${point(angle)} A 100 100 0 ${large} 1 ${point(next)} Z`,
        fill: SERIES_COLOURS[i % SERIES_COLOURS.length]!,
      });
      path.append(svg('title', {}, `${labels[i]}: ${value}`));
      plot.append(path);
      angle = next;
    });
  } else {
    // Line and column: categories along the bottom, values up the side.
    const left = 40;
    const bottom = height - 40;
    const top = 10;
    const step = (width - left - 10) / Math.max(1, rows.length);
    plot.append(svg('line', { x1: left, y1: bottom, x2: width - 10, y2: bottom, stroke: '#9aa0a6' }));
    plot.append(svg('text', { x: left - 4, y: top + 8, 'text-anchor': 'end', 'font-size': 10 }, String(max)));
    plot.append(svg('text', { x: left - 4, y: bottom, 'text-anchor': 'end', 'font-size': 10 }, '0'));
    const y = (value: number) => bottom - ((bottom - top) * value) / max;
    labels.forEach((label, i) =>
      plot.append(
        svg(
          'text',
          { x: left + step * (i + 0.5), y: bottom + 14, 'text-anchor': 'middle', 'font-size': 10 },
          label,
        ),
      ),
    );
    series.forEach((one, s) => {
      if (chart.type === 'column') {
        const w = (step * 0.8) / series.length;
        one.values.forEach((value, i) =>
          plot.append(
            svg('rect', {
              x: left + step * i + step * 0.1 + w * s,
              y: y(value),
              width: w,
              height: bottom - y(value),
              fill: one.colour,
            }),
          ),
        );
        return;
      }
      const points = one.values.map((value, i) => `${left + step * (i + 0.5)},${y(value)}`).join(' ');
      const line = svg('polyline', { points, fill: 'none', stroke: one.colour, 'stroke-width': 2 });
      line.append(svg('title', {}, one.name));
      plot.append(line);
      one.values.forEach((value, i) =>
        plot.append(svg('circle', { cx: left + step * (i + 0.5), cy: y(value), r: 3, fill: one.colour })),
      );
    });
  }
  figure.append(plot);
  if (series.length > 1 || chart.type === 'pie') {
    const legend = document.createElement('ul');
    legend.className = 'legend';
    const names = chart.type === 'pie' ? labels : series.map((one) => one.name);
    names.forEach((name, i) => {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.style.backgroundColor = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
      item.append(swatch, document.createTextNode(name));
      legend.append(item);
    });
    figure.append(legend);
  }
  return figure;
}

/** Places each chart over the grid at its anchor cell (right of the table when the anchor is past it). */
function placeCharts(table: HTMLTableElement, charts: ChartView[]): HTMLElement[] {
  return charts.map((chart) => {
    const figure = drawChart(chart);
    const row = table.rows[Math.min(chart.anchor.row, table.rows.length - 1)];
    const cellAtAnchor = row?.cells[chart.anchor.column];
    const lastCell = row?.cells[row.cells.length - 1];
    figure.style.top = `${row ? row.offsetTop : table.offsetHeight}px`;
    figure.style.left = `${
      cellAtAnchor ? cellAtAnchor.offsetLeft : lastCell ? lastCell.offsetLeft + lastCell.offsetWidth + 12 : 0
    }px`;
    return figure;
  });
}

async function showTab(state: SpreadsheetState): Promise<void> {
  renderTabs(state);
  const response = await fetch(`/tab?name=${encodeURIComponent(shownTab)}`);
  if (!response.ok) return;
  const tab = (await response.json()) as TabCells;
  const selected = state.selection?.sheet === tab.name ? cellAt(state.selection.a1) : null;
  const table = document.createElement('table');
  table.dataset.tab = tab.name;
  const head = document.createElement('tr');
  head.append(cell('th', '', 'row'));
  for (let column = 0; column < tab.columns; column++) head.append(cell('th', columnName(column)));
  table.append(head);
  const firstRow = tab.firstRow ?? 1;
  tab.cells.forEach((row, at) => {
    const index = firstRow - 1 + at;
    const tr = document.createElement('tr');
    if (index + 1 === tab.frozenRows) tr.className = 'frozen';
    tr.append(cell('th', String(index + 1), 'row'));
    row.forEach((view, column) => {
      const td = cell('td', view.v);
      if (selected && selected.row === index && selected.column === column) {
        td.className = 'selected';
        td.dataset.testid = 'selected-cell';
      }
      if (view.bg) td.style.backgroundColor = view.bg;
      if (view.fc) td.style.color = view.fc;
      if (view.b) td.style.fontWeight = 'bold';
      tr.append(td);
    });
    table.append(tr);
  });
  const parts: Node[] = [table];
  if (tab.cells.length < tab.rows) {
    parts.push(cell('td', words.truncated(firstRow, firstRow + tab.cells.length - 1, tab.rows), 'truncated'));
  }
  grid.replaceChildren(...parts);
  // Charts need the table laid out to find their anchor cells.
  grid.append(...placeCharts(table, tab.charts ?? []));
  grid.querySelector('.selected')?.scrollIntoView({ block: 'center', inline: 'center' });
}

let wordsApplied = false;
async function refresh(): Promise<void> {
  const state = (await (await fetch('/state')).json()) as SpreadsheetState;
  if (!wordsApplied) {
    applyWords(state.language);
    wordsApplied = true;
  }
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

/** A failure of the preview's own controls, in the preview's language. */
function tell(what: string, answer: { ok: boolean; error?: { message: string } }): void {
  if (!answer.ok) alert(`${what}: ${answer.error?.message ?? ''}`);
}

function base64Of(bytes: ArrayBuffer): string {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let at = 0; at < view.length; at += 0x8000)
    binary += String.fromCharCode(...view.subarray(at, at + 0x8000));
  return btoa(binary);
}

document.querySelector<HTMLInputElement>('[data-testid="add-file"]')!.addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  const name = file.name.replace(/\.[^.]+$/, '');
  const adding = /\.xlsx$/i.test(file.name)
    ? file.arrayBuffer().then((bytes) => post('/xlsx', { name, base64: base64Of(bytes) }))
    : file.text().then((csv) => post('/paste', { name, csv }));
  void adding.then((answer) => {
    tell(words.fileFailed, answer);
    input.value = '';
    return refreshInOrder();
  });
});

/**
 * The clipboard's cells: what Sheets and Excel put there as text, one row per line and cells split by tabs,
 * a cell with a tab, line break or quote wrapped in quotes (`""` for a quote).
 */
export function clipboardCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cellText = '';
  let at = 0;
  let quoted = false;
  while (at < text.length) {
    const ch = text[at]!;
    if (quoted) {
      if (ch === '"' && text[at + 1] === '"') {
        cellText += '"';
        at += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cellText += ch;
      at++;
      continue;
    }
    if (ch === '"' && cellText === '') quoted = true;
    else if (ch === '\t') {
      row.push(cellText);
      cellText = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[at + 1] === '\n') at++;
      row.push(cellText);
      rows.push(row);
      row = [];
      cellText = '';
    } else cellText += ch;
    at++;
  }
  if (cellText !== '' || row.length > 0) {
    row.push(cellText);
    rows.push(row);
  }
  return rows;
}

let pasted = 0;
async function pasteText(text: string): Promise<void> {
  const cells = clipboardCells(text);
  if (cells.length === 0 || cells.every((row) => row.every((value) => value.trim() === ''))) {
    alert(words.clipboardEmpty);
    return;
  }
  pasted++;
  const answer = await post('/paste', { name: `${words.pastedName} ${pasted}`, cells });
  tell(words.pasteFailed, answer);
  await refreshInOrder();
}

document.querySelector('[data-testid="paste-cells"]')!.addEventListener('click', () => {
  if (!navigator.clipboard?.readText) {
    alert(words.clipboardDenied);
    return;
  }
  navigator.clipboard.readText().then(
    (text) => pasteText(text),
    () => alert(words.clipboardDenied),
  );
});

// Ctrl+V on the spreadsheet side (the sidebar's own boxes are in their frame and keep their paste).
document.addEventListener('paste', (event) => {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (!text) return;
  event.preventDefault();
  void pasteText(text);
});

void refreshInOrder();
setInterval(() => void refreshInOrder(), POLL_MS);
