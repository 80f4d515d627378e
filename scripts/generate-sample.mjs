// Writes the bundled sample shop, sample/invoices.csv and sample/customers.csv, from the seeded generator.
// Deterministic: running it twice gives identical bytes (test/sample checks the committed files against it).
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleShop, writeShopCsv } from './shop-generator.cjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shop = sampleShop();
const files = writeShopCsv(shop, join(root, 'sample'));
const { counts } = shop.truth;
console.log(
  `Wrote ${relative(root, files.invoices)} (${counts.dataRows} invoice rows, ${counts.invoices} invoices) and ` +
    `${relative(root, files.customers)} (${counts.customerRows} customers, ${counts.buyers} buyers).`,
);
