#!/usr/bin/python3
"""Writes the workbooks the fast reader is tested on (read_test.go):
openpyxl.xlsx by openpyxl and xlsxwriter.xlsx by XlsxWriter, the same
cells in each; libreoffice.xlsx is openpyxl.xlsx saved by LibreOffice:

    cd report/internal/xlsx/testdata && /usr/bin/python3 make_fixtures.py
    soffice --headless --convert-to xlsx --outdir lo openpyxl.xlsx && mv lo/openpyxl.xlsx libreoffice.xlsx && rmdir lo

Needs python3-openpyxl and python3-xlsxwriter (Debian). The tests read
the committed files only.
"""
import datetime

import openpyxl
import xlsxwriter

TEXT = "县教育局要在年底前完成73所学校的校舍改造任务。"
MARKUP = "a<b>&\"c\" 'd' "
LITERAL = "_x0041_ is not A"
LINES = "行一\r\n行二\n末"


def with_openpyxl(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws["A1"] = TEXT
    ws["B1"] = MARKUP
    ws["C1"] = datetime.date(2009, 12, 31)
    ws["D1"] = 3.25
    ws["E1"] = True
    ws["F1"] = '=A1&"x"'
    ws["G1"] = LITERAL
    ws["A3"] = LINES
    ws["B3"] = -7
    ws["Z9"] = "末"
    ws2 = wb.create_sheet("第二")
    ws2["B2"] = "第二页"
    ws2["A4"] = 0.1
    wb.save(path)


def with_xlsxwriter(path):
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("台账")
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    bold = wb.add_format({"bold": True})
    ws.write_string("A1", TEXT)
    ws.write_string("B1", MARKUP)
    ws.write_datetime("C1", datetime.datetime(2009, 12, 31), date)
    ws.write_number("D1", 3.25)
    ws.write_boolean("E1", True)
    ws.write_formula("F1", '=A1&"x"', None, TEXT + "x")
    ws.write_string("G1", LITERAL)
    ws.write_rich_string("A2", "县教育局", bold, "要", "落实")
    ws.write_string("A3", LINES)
    ws.write_number("B3", -7)
    ws.write_string("Z9", "末")
    ws2 = wb.add_worksheet("第二")
    ws2.write_string("B2", "第二页")
    ws2.write_number("A4", 0.1)
    wb.close()


with_openpyxl("openpyxl.xlsx")
with_xlsxwriter("xlsxwriter.xlsx")
