// Package xlsx is the one part of speechledger that knows SpreadsheetML
// as text: it writes the cells and rows of worksheets as the XML they
// become, compresses parts in pieces that join into one deflate stream,
// writes and reads the zip package, and reads the raw cell values of a
// workbook's sheets straight from their XML (the fast reader). Package
// report decides what each row says and calls it; nothing else in the
// program writes or scans worksheet XML.
//
// Everything else about a workbook (styles, merged titles, validation,
// conditional formats, print settings) excelize lays out: this package
// only finishes the parts excelize writes and reads back what any
// program saves.
package xlsx
