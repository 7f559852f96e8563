"""Writes the rows of a JSON file to an .xlsx with openpyxl and says how long that took.

Input: {"sheets": [{"name": "...", "rows": [[cell, ...], ...]}, ...]}, each cell a string, a
number or null (an empty cell). Output on stdout, one line: {"rows": N, "seconds": S}, where N
counts the rows of all sheets and S times only building the workbook and saving it (not reading
or parsing the JSON), so it compares with our own exporter's writing time.

Mode: openpyxl's write_only=True (streaming rows, the fastest way openpyxl writes), plain values.
With --styled every cell also gets a thin border and a 10 pt 宋体 font, as our report's cells have;
that costs openpyxl more time, so the plain mode is the stricter baseline.

Usage: python write_rows.py INPUT.json OUT.xlsx [--styled]
"""

import json
import sys
import time

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Border, Font, Side


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2 or any(a not in ("--styled",) for a in argv if a.startswith("--")):
        sys.exit("usage: write_rows.py INPUT.json OUT.xlsx [--styled]")
    src, out = args
    styled = "--styled" in argv
    with open(src, encoding="utf-8") as f:
        sheets = json.load(f)["sheets"]

    start = time.perf_counter()
    wb = Workbook(write_only=True)
    rows = 0
    if styled:
        thin = Side(style="thin")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        font = Font(name="宋体", size=10)
    for sheet in sheets:
        # Excel refuses sheet names over 31 characters.
        ws = wb.create_sheet(title=str(sheet["name"])[:31])
        for row in sheet["rows"]:
            if styled:
                cells = []
                for v in row:
                    c = WriteOnlyCell(ws, value=v)
                    c.border = border
                    c.font = font
                    cells.append(c)
                ws.append(cells)
            else:
                ws.append(row)
            rows += 1
    wb.save(out)
    seconds = time.perf_counter() - start

    print(json.dumps({"rows": rows, "seconds": round(seconds, 4)}))


if __name__ == "__main__":
    main(sys.argv[1:])
