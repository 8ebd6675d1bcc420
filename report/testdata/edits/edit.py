#!/usr/bin/env python3
"""Edits a speechledger ledger as office staff do, with openpyxl.

    edit.py VARIANT IN.xlsx OUT.xlsx

VARIANT "cells" makes the cell, row, column and sheet edits of the edit
matrix (see TestEditMatrix in ../../staff_matrix_test.go); "sheets"
deletes a task's row, 汇总 and 变更记录; "none" saves without edits. The same edits
are then saved again by LibreOffice for the LibreOffice fixtures.
"""
import datetime
import sys
from copy import copy

import openpyxl
from openpyxl.styles import PatternFill

SHEET = "在全县教育工作会议上的讲话"


def find(ws):
    """Returns the header row, the columns by label and the rows by task id."""
    for r in range(1, 10):
        labels = {ws.cell(r, c).value: c for c in range(1, ws.max_column + 1)}
        if "任务编号" in labels:
            rows = {}
            for n in range(r + 1, ws.max_row + 1):
                v = ws.cell(n, labels["任务编号"]).value
                if v:
                    rows[v] = n
            return r, labels, rows
    raise SystemExit("no header row")


def cells(wb):
    ws = wb[SHEET]
    header, col, row = find(ws)

    def put(label, task, value, fmt=None):
        c = ws.cell(row[task], col[label])
        c.value = value
        if fmt:
            c.number_format = fmt

    put("办理状态", "t-a2", "推进中")                                  # status
    put("备注", "t-a3", "待核实")                                      # note
    put("责任单位", "t-a1", "县住建局")                                # correction
    put("备注", "t-a2", datetime.date(2024, 6, 1), "yyyy-mm-dd")       # typed date
    put("进展情况", "t-a3", 0.85, "0%")                                # typed percentage
    put("备注", "t-a5", 12345)                                         # typed number
    due = ws.cell(row["t-a5"], col["完成时限"]).coordinate
    put("进展情况", "t-a5", "=%s+30" % due)                            # formula
    put("备注", "t-a4", True)                                          # boolean
    status = ws.cell(row["t-a1"], col["办理状态"])                     # format only: bold
    font = copy(status.font)
    font.bold = True
    status.font = font
    ws.cell(row["t-a1"], col["备注"]).fill = PatternFill("solid", fgColor="FFFF00")  # format only: a fill
    ws.row_dimensions[row["t-a1"]].height = 52.5                       # row height
    # A sort: t-a5 above t-a4 (rows swapped, as a sort by 责任单位 does).
    a4, a5 = row["t-a4"], row["t-a5"]
    for c in range(1, ws.max_column + 1):
        x, y = ws.cell(a4, c), ws.cell(a5, c)
        x.value, y.value = y.value, x.value
    # A row of their own, inserted under t-a2.
    ws.insert_rows(row["t-a2"] + 1)
    ws.cell(row["t-a2"] + 1, col["工作任务"]).value = "临时交办：做好寒假安全检查。"
    # A column of their own after 责任单位.
    ws.insert_cols(col["责任单位"] + 1)
    ws.cell(header, col["责任单位"] + 1).value = "督办领导"
    header, col, row = find(ws)
    ws.cell(row["t-a2"], col["督办领导"]).value = "张副县长"
    # A sheet of their own, and a note in 变更记录's own column.
    own = wb.create_sheet("我的笔记")
    own["A1"] = "周例会"
    own["B1"] = 3
    log = wb["变更记录"]
    log["K2"] = "核对人"
    log["K3"] = "李四已核"


def sheets(wb):
    ws = wb[SHEET]
    _, _, row = find(ws)
    ws.delete_rows(row["t-a3"])  # a task's row deleted
    del wb["汇总"]
    del wb["变更记录"]


def main():
    variant, src, dst = sys.argv[1:4]
    wb = openpyxl.load_workbook(src)
    {"cells": cells, "sheets": sheets, "none": lambda wb: None}[variant](wb)
    wb.save(dst)


if __name__ == "__main__":
    main()
