"""The benchmark's peer: the same R, F, M as Segment Tabs, computed by an idiomatic pandas pipeline.

Usage: python3 bench/peer.py invoices.csv customers.csv AS_OF [scores.csv]

Reads the same KiotViet-shaped CSV pair the CLI reads (bench/shops.mjs writes them) and reproduces the
engine's definitions (design.md §2-3, src/core/rfm/score.ts, src/core/metrics/customer-metrics.ts):

- the header row is the first line holding the invoice-code header (title rows above it are skipped); repeated
  header rows and rows without an invoice code (the totals row) are dropped;
- a row identical in every column to an earlier row (the export pasted twice) counts once;
- an invoice is its lines grouped by invoice code; its amount is the invoice total (`Khách cần trả`) taken once,
  from the first line where it reads as money, else the sum of the line totals; its day is the calendar day
  printed on its first readable line; an invoice with no readable day or amount is dropped;
- an invoice with a cancelled status (`Đã hủy`) on any line counts for nothing; walk-in sales (no customer code,
  or `Khách lẻ`) belong to nobody; invoices after the as-of day are not counted;
- customers: one per member code; rows sharing a mobile phone (normalised: +84/84 → 0, lost leading zero,
  2018 renumbering of 11-digit numbers) are one person, known by the first row's code; invoices find their
  customer by code, else by phone; invoices matching nobody are not counted;
- per customer: F = distinct invoices with a net amount > 0; M = the net sum of all counted invoices (returns
  net against it); R = days from the last invoice with a net amount > 0 to the as-of day;
- scores among buyers (F > 0), n of them: 1 + floor(5 * w / n), w = buyers with a strictly worse value (more
  days, fewer invoices, less spend): a rank with ties at their lowest place, minus one. Non-buyers: 0, 0, 0.

Prints one JSON line: the time from read_csv to the scores (interpreter start and imports excluded), peak
memory, counts, and the pandas version. With a scores path, writes code,r,f,m,recency,frequency,monetary.
"""

import json
import resource
import sys
import time

import numpy as np
import pandas as pd

INVOICE_CODE = "Mã hóa đơn"
DATE = "Thời gian"
CUSTOMER_CODE = "Mã khách hàng"
PHONE = "Điện thoại"
INVOICE_TOTAL = "Khách cần trả"
LINE_TOTAL = "Thành tiền"
STATUS = "Trạng thái"

CANCELLED = {"đã hủy", "đã huỷ", "hủy", "huỷ", "cancelled", "canceled"}
WALK_IN = {"khách lẻ", "khách vãng lai", "walk in", "guest"}
LEVELS = 5

# The 2018 renumbering of 11-digit mobile numbers (src/core/parse/phone.ts PREFIXES_2018).
PREFIXES_2018 = {
    "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036", "0167": "037",
    "0168": "038", "0169": "039", "0120": "070", "0121": "079", "0122": "077", "0126": "076",
    "0128": "078", "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
    "0186": "056", "0188": "058", "0199": "059",
}


def header_line(path: str) -> int:
    """0-based line of the invoice header: exports put title lines above it."""
    with open(path, encoding="utf-8-sig") as file:
        for number, line in enumerate(file):
            if INVOICE_CODE in line:
                return number
            if number > 50:
                break
    raise SystemExit(f"peer: no '{INVOICE_CODE}' header in the first lines of {path}")


def money(column: pd.Series) -> pd.Series:
    """`1.250.000 ₫`, `-45.000`, `45000` → numbers (VND has no fraction); anything else → NaN."""
    digits = column.str.replace(r"[^\d\-]", "", regex=True)
    return pd.to_numeric(digits.where(digits.str.fullmatch(r"-?\d+"), None), errors="coerce")


def mobile_phone(column: pd.Series) -> pd.Series:
    """Canonical `0xxxxxxxxx` for a Vietnamese mobile, '' otherwise."""
    digits = column.str.replace(r"\D", "", regex=True)
    with_84 = digits.str.startswith("84") & (digits.str.len() == 11)
    digits = digits.mask(with_84, "0" + digits.str[2:])
    lost_zero = (digits.str.len() == 9) & ~digits.str.startswith("0")
    digits = digits.mask(lost_zero, "0" + digits)
    old = (digits.str.len() == 11) & digits.str.startswith("01")
    digits = digits.mask(old, digits.str[:4].map(PREFIXES_2018).fillna("") + digits.str[4:])
    return digits.where(digits.str.fullmatch(r"0[35789]\d{8}"), "")


def rank_scores(values: pd.Series, lower_is_better: bool) -> pd.Series:
    """1 + floor(levels * w / n), w = values strictly worse than this one."""
    worse = values.rank(method="min", ascending=not lower_is_better) - 1
    return (1 + np.floor(LEVELS * worse / len(values))).astype(int)


def rfm(invoices_csv: str, customers_csv: str, as_of: pd.Timestamp) -> pd.DataFrame:
    lines = pd.read_csv(
        invoices_csv, skiprows=header_line(invoices_csv), dtype=str, keep_default_na=False, encoding="utf-8-sig"
    )
    lines = lines[(lines[INVOICE_CODE].str.strip() != "") & (lines[INVOICE_CODE] != INVOICE_CODE)]
    lines = lines.drop_duplicates()

    lines = lines.assign(
        day=pd.to_datetime(lines[DATE].str.slice(0, 10), format="%d/%m/%Y", errors="coerce"),
        total=money(lines[INVOICE_TOTAL]),
        line=money(lines[LINE_TOTAL]),
        cancelled=lines[STATUS].str.strip().str.lower().isin(CANCELLED),
        customer=lines[CUSTOMER_CODE].str.strip().str.upper().replace("", np.nan),
        phone=lines[PHONE].replace("", np.nan),
    )
    invoices = lines.groupby(INVOICE_CODE, sort=False).agg(
        day=("day", "first"),
        total=("total", "first"),
        line_sum=("line", "sum"),
        line_count=("line", "count"),
        cancelled=("cancelled", "any"),
        customer=("customer", "first"),
        phone=("phone", "first"),
    )
    invoices["amount"] = invoices["total"].fillna(invoices["line_sum"].where(invoices["line_count"] > 0))
    invoices = invoices[~invoices["cancelled"] & invoices["day"].notna() & invoices["amount"].notna()]
    invoices = invoices[invoices["day"] <= as_of]
    walk_in = invoices["customer"].isna() | invoices["customer"].str.lower().isin(WALK_IN)
    invoices = invoices[~walk_in]

    customers = pd.read_csv(customers_csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    customers["code"] = customers[CUSTOMER_CODE].str.strip().str.upper()
    customers["mobile"] = mobile_phone(customers[PHONE])
    customers["key"] = customers["code"]
    shared = customers["mobile"] != ""
    customers.loc[shared, "key"] = customers[shared].groupby("mobile")["code"].transform("first")
    key_of_code = dict(zip(customers["code"], customers["key"]))
    key_of_phone = customers[shared].drop_duplicates("mobile").set_index("mobile")["key"]

    key = invoices["customer"].map(key_of_code)
    unknown = key.isna()
    if unknown.any():
        key[unknown] = mobile_phone(invoices.loc[unknown, "phone"].fillna("")).map(key_of_phone)
    invoices = invoices.assign(key=key).dropna(subset=["key"])

    valid = invoices[invoices["amount"] > 0]
    per_customer = pd.DataFrame(
        {
            "frequency": valid.groupby("key").size(),
            "last": valid.groupby("key")["day"].max(),
            "monetary": invoices.groupby("key")["amount"].sum(),
        }
    )
    people = customers.drop_duplicates("key").set_index("key")[[]].join(per_customer)
    people["frequency"] = people["frequency"].fillna(0).astype(int)
    people["monetary"] = people["monetary"].fillna(0)
    people["recency"] = (as_of - people["last"]).dt.days

    buyers = people["frequency"] > 0
    for metric, value, lower_is_better in (("r", "recency", True), ("f", "frequency", False), ("m", "monetary", False)):
        people[metric] = 0
        people.loc[buyers, metric] = rank_scores(people.loc[buyers, value], lower_is_better)
    return people


def main() -> None:
    invoices_csv, customers_csv, as_of_text = sys.argv[1:4]
    scores_path = sys.argv[4] if len(sys.argv) > 4 else None
    started = time.perf_counter()
    people = rfm(invoices_csv, customers_csv, pd.Timestamp(as_of_text))
    elapsed = time.perf_counter() - started
    if scores_path:
        out = people[["r", "f", "m", "recency", "frequency", "monetary"]].copy()
        out["recency"] = out["recency"].astype("Int64")
        out.rename_axis("code").to_csv(scores_path)
    print(
        json.dumps(
            {
                "ms": round(elapsed * 1000),
                # ru_maxrss is in kilobytes on Linux.
                "peakRssMb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "customers": int(len(people)),
                "buyers": int((people["frequency"] > 0).sum()),
                "pandas": pd.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
