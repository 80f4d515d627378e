/**
 * The --previous reader on a sheet as Excel or LibreOffice save it again (shared strings, rich-text runs, cells
 * without values, booleans), where our own writer uses inline strings.
 */
import { sharedStrings, sheetValues } from '../../src/cli/read-previous';

test('reads shared strings, inline strings, numbers and booleans into a rectangular grid', () => {
  const strings = ['Customer key', 'Segment', 'code:KH000161', 'Khách hàng xuất sắc', '2026-10-23'];
  const xml =
    '<worksheet><sheetData>' +
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
    '<row r="2"><c r="A2" s="3" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>4</v></c></row>' +
    '<row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve"> Lan &amp; Minh</t></is></c>' +
    '<c r="B4" s="2"/><c r="C4"><v>15198</v></c><c r="D4" t="b"><v>1</v></c></row>' +
    '</sheetData></worksheet>';
  expect(sheetValues(xml, strings)).toEqual([
    ['Customer key', 'Segment', '', ''],
    ['code:KH000161', 'Khách hàng xuất sắc', '2026-10-23', ''],
    ['', '', '', ''],
    [' Lan & Minh', '', 15198, true],
  ]);
});

test('joins the runs of a rich-text shared string and leaves out its phonetic guide', () => {
  const xml =
    '<sst><si><r><rPr><b/></rPr><t xml:space="preserve">Khách </t></r><r><t>hàng</t></r></si>' +
    '<si><t>Đã rời bỏ</t><rPh sb="0" eb="1"><t>ダ</t></rPh></si><si/></sst>';
  expect(sharedStrings(xml)).toEqual(['Khách hàng', 'Đã rời bỏ', '']);
});
