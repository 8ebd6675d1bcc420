// Package report writes the supervision task ledger (督办台账) for extracted
// speeches: an .xlsx workbook with a summary sheet 汇总 and one sheet per
// speech, laid out by a template that is either the embedded default
// (templates/default.xlsx) or an office's own workbook.
//
// Writing happens in two steps. readLedger turns speeches into rows and
// counts, with no styling and no I/O; the writing step lays those rows into
// a copy of the template's sheet with excelize. The report date comes in
// through Options: what the package writes never depends on the clock
// (only removing memos no run used for a month reads it), so the same
// input and report date give a byte-identical workbook.
//
// # How the workbook is written
//
//   - Task rows are written as SpreadsheetML (rowxml.go, with the cell
//     writers of report/internal/xlsx), not cell by cell through excelize:
//     excelize finds a sheet by comparing its name with every sheet's on
//     each cell it sets, and keeps every cell as a Go value until it
//     saves. Cells are inline strings (rich text for the highlighted task
//     text, with excelize's own run properties), numbers, and the 预警
//     formula with its value as of the report date. 汇总's rows and the
//     change log's are written the same way.
//   - Each sheet's rows are compressed as soon as they are written, on
//     another core, as a deflate piece ending in a sync flush; when the
//     workbook is saved, each sheet's part is its head and tail as
//     excelize wrote them with the compressed rows between, joined into
//     one deflate stream (CRC-32 joined as zlib's crc32_combine does).
//     Only compressed rows wait, a large sheet's in a temporary file.
//   - A run need not hold its speeches (Speeches, UpdateFrom): on a
//     ledger's first run, the rows of combinedSheet, most of a run over
//     thousands of speeches, are made again from the speeches each time
//     they are read (spooledRows). No run's memo keeps combinedSheet:
//     a later run reads it from the workbook, and writes it again.
//   - What every speech sheet has is set once, on a prepared copy of the
//     template sheet (dropdown, row formats, filter, frozen header, sheet
//     properties): the ranges are grown to each sheet's last row, the
//     title cells written and the page header filled in the saved part. A
//     sheet with columns staff added is prepared on its own.
//   - A rerun reads the previous workbook with the fast reader only;
//     excelize opens it only for what it alone reads (styles and formulas
//     of staff's own columns, sheets staff added). Prepare starts reading
//     it, and opening the template, while the inputs are read.
//   - Not excelize's StreamWriter: it writes rows the same way (XML as
//     they come, spilled to a temporary file past 16 MB), but excelize
//     says a streamed sheet must not be touched with the ordinary API
//     afterwards, and a speech sheet needs both (a copied template, data
//     validation, conditional formats, filter, print titles). Writing the
//     rows here keeps the template's layout and bounds memory the same
//     way.
//
// # The memo of a rerun
//
// A rerun with nothing changed reads the speech sheets' cells from the
// memo kept in the cache folder (memo.go) instead of decompressing and
// parsing them, and copies a sheet that comes out the same from the old
// file still compressed instead of laying it out, writing and compressing
// it again. The next night, when the title rows show a new date, the task
// rows are copied and the rest of each sheet is finished from the
// template sheet's XML, which the memo also keeps, without excelize laying
// the sheet out again.
package report
