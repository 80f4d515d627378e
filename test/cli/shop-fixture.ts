/**
 * A small KiotViet-style shop for the CLI tests: 40 customers (two never bought), invoices over 2026 with
 * Vietnamese names and phones with leading zeros, plus what real exports carry: a walk-in invoice with no
 * customer, a blank line and a row whose date cannot be read (so the run has data issues).
 */
import ExcelJS from 'exceljs';

export const INVOICE_HEADER = [
  'Mã hóa đơn',
  'Thời gian',
  'Mã khách hàng',
  'Tên khách hàng',
  'Điện thoại',
  'Khách cần trả',
];
export const CUSTOMER_HEADER = ['Mã khách hàng', 'Tên khách hàng', 'Điện thoại', 'Email'];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi'];
const GIVEN = ['Thị Hoà', 'Văn Đức', 'Minh Anh', 'Thu Hương', 'Quốc Bảo'];

export interface Shop {
  invoices: string[][];
  customers: string[][];
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * `dayFirstOnly` keeps every day of the month at 12 or below, so `05/03/2026` reads either way and the date
 * order cannot be decided from the data.
 */
export function makeShop(options: { dayFirstOnly?: boolean } = {}): Shop {
  const customers: string[][] = [CUSTOMER_HEADER];
  const invoices: string[][] = [INVOICE_HEADER];
  let serial = 1;
  for (let i = 1; i <= 40; i++) {
    const code = `KH${String(i).padStart(6, '0')}`;
    const name = `${FAMILY[i % FAMILY.length]} ${GIVEN[i % GIVEN.length]}`;
    const phone = `09${String(1_000_000 * i + 12_345).padStart(8, '0')}`;
    customers.push([code, name, phone, i % 3 === 0 ? `khach${i}@gmail.com` : '']);
    if (i > 38) continue; // prospects: in the customer list, never bought
    const count = 1 + ((i * 7) % 9);
    for (let k = 0; k < count; k++) {
      const month = 1 + ((i + k * 3) % 11);
      const day = options.dayFirstOnly ? 1 + ((i + k) % 12) : 1 + ((i * 5 + k * 11) % 28);
      const amount = 50_000 * (1 + ((i * 13 + k * 7) % 40));
      invoices.push([
        `HD${String(serial++).padStart(6, '0')}`,
        `${two(day)}/${two(month)}/2026 ${two(8 + (k % 12))}:${two((i * 7) % 60)}`,
        code,
        name,
        phone,
        String(amount),
      ]);
    }
  }
  const walkInDay = options.dayFirstOnly ? '10/10/2026 10:00' : '14/10/2026 10:00';
  invoices.push([`HD${String(serial++).padStart(6, '0')}`, walkInDay, '', 'Khách lẻ', '', '120000']);
  invoices.push(['']);
  invoices.push([`HD${String(serial).padStart(6, '0')}`, 'không rõ', 'KH000001', '', '', '90000']);
  return { invoices, customers };
}

/** CSV text with the given separator; fields holding it, quotes or line breaks are quoted. */
export function toCsv(rows: string[][], separator: string): string {
  const quote = (field: string) =>
    field.includes(separator) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
  return rows.map((row) => row.map(quote).join(separator)).join('\r\n') + '\r\n';
}

/**
 * The shop as one workbook, as a shop owner keeps it: a notes sheet first, then invoices with real date cells
 * (ExcelJS writes a Date's UTC fields as the cell's wall clock) and numeric amounts, then customers.
 */
export async function writeShopXlsx(path: string, shop: Shop): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Ghi chú').addRow(['Dữ liệu xuất từ KiotViet ngày 22/11/2026']);
  const invoices = workbook.addWorksheet('Hóa đơn');
  for (const row of shop.invoices) {
    const match = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(row[1] ?? '');
    const date = match
      ? new Date(Date.UTC(+match[3]!, +match[2]! - 1, +match[1]!, +match[4]!, +match[5]!))
      : row[1];
    const amount = /^\d+$/.test(row[5] ?? '') ? Number(row[5]) : row[5];
    invoices.addRow(row.length === 1 ? [] : [row[0], date, row[2], row[3], row[4], amount]);
  }
  const dateColumn = invoices.getColumn(2);
  dateColumn.numFmt = 'dd/mm/yyyy hh:mm';
  const customers = workbook.addWorksheet('Khách hàng');
  for (const row of shop.customers) customers.addRow(row);
  await workbook.xlsx.writeFile(path);
}
