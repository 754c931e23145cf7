import { execFileSync } from 'child_process';

/** A sheet as openpyxl (the Python library LibreOffice-free tooling uses) reads it. */
export interface OpenpyxlSheet {
  title: string;
  freezePanes: string | null;
  autoFilter: string | null;
  maxRow: number;
  /** every cell by reference (A1…): its value (dates as ISO text) and how it is typed and shown */
  cells: Record<string, { value: unknown; isDate: boolean; numberFormat: string; dataType: string }>;
}

const SCRIPT = `
import io, json, sys, datetime
from openpyxl import load_workbook
wb = load_workbook(io.BytesIO(sys.stdin.buffer.read()))
ws = wb.worksheets[0]
cells = {}
for row in ws.iter_rows():
    for c in row:
        v = c.value
        if isinstance(v, (datetime.datetime, datetime.date)):
            v = v.isoformat()
        cells[c.coordinate] = {"value": v, "isDate": c.is_date, "numberFormat": c.number_format, "dataType": c.data_type}
print(json.dumps({"title": ws.title, "freezePanes": ws.freeze_panes, "autoFilter": ws.auto_filter.ref,
                  "maxRow": ws.max_row, "cells": cells}))
`;

/** Reads the first sheet of an .xlsx with Debian's python3-openpyxl (installed by .ci/run; Debian's own /usr/bin/python3). */
export function readWithOpenpyxl(xlsx: Buffer): OpenpyxlSheet {
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', SCRIPT], { input: xlsx, maxBuffer: 64 * 1024 * 1024 }).toString(),
  );
}
