#!/usr/bin/env python3
"""Independent check of a generated .xlsx with openpyxl (the Swift tests run it).

    python3 scripts/check_xlsx.py FILE.xlsx SPEC.json

SPEC: {"sheets": [names in order],
       "checks": [{"sheet": name, "header_row": 1, "header": [titles], "frozen": "A2",
                   "amount_header": title, "id_header": title, "id_pattern": regex,
                   "texts": [values that must appear as text cells],
                   "date_headers": [titles of columns whose values must be date cells],
                   "date_cells": {"B3": "2026-04-30", …: cells that must be that date}}]}
Everywhere: no cell is a formula, and no text starting with = + - @ is stored as anything but text.
Prints one line per check; exits 1 on the first failure, 2 when openpyxl is missing.
"""
import datetime
import json
import re
import sys

try:
    import openpyxl
except ImportError:
    print("openpyxl is not installed (bash scripts/setup.sh --tests installs it)", file=sys.stderr)
    sys.exit(2)


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def main(path, spec_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    book = openpyxl.load_workbook(path)  # formulas stay formulas: data_type "f" would show them
    if book.sheetnames != spec["sheets"]:
        fail(f"sheet names {book.sheetnames} != {spec['sheets']}")
    print(f"ok sheets {book.sheetnames}")

    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    fail(f"{sheet.title}!{cell.coordinate} is a formula: {cell.value!r}")
                if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@", "\t", "\r") \
                        and cell.data_type != "s":
                    fail(f"{sheet.title}!{cell.coordinate} holds {cell.value!r} as {cell.data_type}")
    print("ok no formula cells")

    for check in spec["checks"]:
        sheet = book[check["sheet"]]
        header_row = check.get("header_row", 1)
        header = [c.value for c in sheet[header_row]]
        while header and header[-1] is None:
            header.pop()
        if "header" in check and header != check["header"]:
            fail(f"{sheet.title} header {header} != {check['header']}")
        if "frozen" in check and sheet.freeze_panes != check["frozen"]:
            fail(f"{sheet.title} frozen panes {sheet.freeze_panes!r} != {check['frozen']!r}")
        data = list(sheet.iter_rows(min_row=header_row + 1))
        if "amount_header" in check:
            col = header.index(check["amount_header"])
            amounts = [r[col] for r in data if len(r) > col and r[col].value is not None]
            if not amounts:
                fail(f"{sheet.title}: no amount in column {check['amount_header']}")
            for cell in amounts:
                if cell.data_type != "n" or not isinstance(cell.value, (int, float)):
                    fail(f"{sheet.title}!{cell.coordinate} amount {cell.value!r} is not a number")
                if not cell.number_format.endswith("0.00"):
                    fail(f"{sheet.title}!{cell.coordinate} number format {cell.number_format!r} is not two decimals")
            print(f"ok {sheet.title}: {len(amounts)} numeric amounts, format {amounts[0].number_format}")
        if "id_header" in check:
            col = header.index(check["id_header"])
            ids = [r[col] for r in data if len(r) > col and r[col].value is not None]
            if not ids:
                fail(f"{sheet.title}: no ID in column {check['id_header']}")
            for cell in ids:
                if cell.data_type != "s" or not re.fullmatch(check["id_pattern"], cell.value):
                    fail(f"{sheet.title}!{cell.coordinate} ID {cell.value!r} ({cell.data_type}) is not masked text")
            print(f"ok {sheet.title}: {len(ids)} masked IDs as text, e.g. {ids[0].value}")
        for title in check.get("date_headers", []):
            col = header.index(title)
            dates = [r[col] for r in data if len(r) > col and r[col].value is not None]
            if not dates:
                fail(f"{sheet.title}: no date in column {title}")
            for cell in dates:
                if not cell.is_date or not isinstance(cell.value, datetime.datetime):
                    fail(f"{sheet.title}!{cell.coordinate} date {cell.value!r} ({cell.data_type}) is not a date cell")
            print(f"ok {sheet.title}: {len(dates)} dates in {title}, e.g. {dates[0].value:%Y-%m-%d} as {dates[0].number_format}")
        for coordinate, day in check.get("date_cells", {}).items():
            cell = sheet[coordinate]
            if not cell.is_date or f"{cell.value:%Y-%m-%d}" != day:
                fail(f"{sheet.title}!{coordinate} {cell.value!r} is not the date {day}")
        values = {c.value for r in sheet.iter_rows() for c in r if c.data_type == "s"}
        for text in check.get("texts", []):
            if text not in values:
                fail(f"{sheet.title}: text {text!r} not found as a text cell")
        print(f"ok {sheet.title}: header, frozen {sheet.freeze_panes}, {len(check.get('texts', []))} texts")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    main(sys.argv[1], sys.argv[2])
