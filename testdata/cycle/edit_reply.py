"""Edit a speechledger handout as a unit would, and save it as its program does.

    python3 edit_reply.py openpyxl|libreoffice IN.xlsx OUT.xlsx EDITS.json

EDITS.json, which the end-to-end test (cycle_test.go) writes:

    {"cells": [{"id": "RW-…", "field": "办理状态", "value": "推进中"},
               {"id": "RW-…", "field": "完成日期", "date": "2024-05-20"}],
     "add": [{"任务编号": "", "工作任务": "…"}],   rows appended at the end
     "rename_sheet": "…", "rename_column": ["进展情况", "工作进展"],
     "sort_desc": true}                          re-sort the task rows by 任务编号

openpyxl edits and saves with openpyxl; libreoffice opens the file in a
headless LibreOffice through UNO, edits it there and stores it as Excel
2007-365, as a unit that uses LibreOffice Calc would.
"""
import datetime
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

HEADER_ROW = 4  # the handout's header row


def edit_openpyxl(src, dst, edits):
    import openpyxl

    wb = openpyxl.load_workbook(src)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[HEADER_ROW]]
    col = {v: i + 1 for i, v in enumerate(header) if v}
    rows = {}
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        rows[ws.cell(r, col["任务编号"]).value] = r
    for e in edits.get("cells", []):
        cell = ws.cell(rows[e["id"]], col[e["field"]])
        if "date" in e:
            cell.value = datetime.datetime.strptime(e["date"], "%Y-%m-%d")
            cell.number_format = "yyyy-mm-dd"
        else:
            cell.value = e["value"]
    if edits.get("sort_desc"):
        data = [[ws.cell(r, c).value for c in range(1, len(header) + 1)] for r in range(HEADER_ROW + 1, ws.max_row + 1)]
        data.sort(key=lambda row: row[col["任务编号"] - 1] or "", reverse=True)
        for i, row in enumerate(data):
            for c, v in enumerate(row):
                ws.cell(HEADER_ROW + 1 + i, c + 1).value = v
    n = ws.max_row
    for i, add in enumerate(edits.get("add", [])):
        for k, v in add.items():
            ws.cell(n + 1 + i, col[k]).value = v
    if "rename_column" in edits:
        old, new = edits["rename_column"]
        ws.cell(HEADER_ROW, col[old]).value = new
    if "rename_sheet" in edits:
        ws.title = edits["rename_sheet"]
    wb.save(dst)


def edit_libreoffice(src, dst, edits):
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = "speechledger%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         "-env:UserInstallation=file://" + profile, "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            sys.exit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            sys.exit("LibreOffice cannot open " + src)
        sheet = doc.Sheets.getByIndex(0)
        ncols = 0
        while sheet.getCellByPosition(ncols, HEADER_ROW - 1).getString():
            ncols += 1
        col = {sheet.getCellByPosition(c, HEADER_ROW - 1).getString(): c for c in range(ncols)}
        last = HEADER_ROW
        while sheet.getCellByPosition(col["任务编号"], last).getString():
            last += 1
        rows = {sheet.getCellByPosition(col["任务编号"], r).getString(): r for r in range(HEADER_ROW, last)}
        numbers = doc.NumberFormats
        locale = uno.createUnoStruct("com.sun.star.lang.Locale")
        datefmt = numbers.queryKey("YYYY-MM-DD", locale, False)
        if datefmt == -1:
            datefmt = numbers.addNew("YYYY-MM-DD", locale)
        for e in edits.get("cells", []):
            cell = sheet.getCellByPosition(col[e["field"]], rows[e["id"]])
            if "date" in e:
                d = datetime.date.fromisoformat(e["date"])
                cell.setValue((d - datetime.date(1899, 12, 30)).days)
                cell.NumberFormat = datefmt
            else:
                cell.setString(e["value"])
        if edits.get("sort_desc"):
            rng = sheet.getCellRangeByPosition(0, HEADER_ROW, ncols - 1, last - 1)
            field = uno.createUnoStruct("com.sun.star.table.TableSortField")
            field.Field = col["任务编号"]
            field.IsAscending = False
            rng.sort((prop("SortFields", uno.Any("[]com.sun.star.table.TableSortField", (field,))),
                      prop("ContainsHeader", False)))
        for i, add in enumerate(edits.get("add", [])):
            for k, v in add.items():
                sheet.getCellByPosition(col[k], last + i).setString(v)
        if "rename_column" in edits:
            old, new = edits["rename_column"]
            sheet.getCellByPosition(col[old], HEADER_ROW - 1).setString(new)
        if "rename_sheet" in edits:
            sheet.Name = edits["rename_sheet"]
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
    finally:
        # LibreOffice ends when told to, whatever went wrong; its process
        # group (soffice and soffice.bin) is killed if it does not.
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge goes down with LibreOffice
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(office.pid, signal.SIGKILL)
            office.wait()
        subprocess.run(["rm", "-rf", profile])


def main():
    how, src, dst, edits = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    with open(edits, encoding="utf-8") as f:
        edits = json.load(f)
    {"openpyxl": edit_openpyxl, "libreoffice": edit_libreoffice}[how](src, dst, edits)


if __name__ == "__main__":
    main()
