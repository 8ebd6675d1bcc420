// Command speechledger reads Chinese speeches (讲话稿) and writes the
// supervision task ledger (督办台账): every task a speech assigns, with its
// time nodes, responsible bodies and numeric targets, as an Excel workbook
// with one sheet per speech and a summary sheet, or as JSON lines.
//
// Usage:
//
//	speechledger [flags] PATH...
//
// PATH is a .txt or .docx file, a PDF (read with poppler's pdftotext) or
// OFD, a .doc, .wps, .xls or .et (converted with LibreOffice), a
// task-division .xlsx, a folder, walked recursively in sorted order
// (hidden files, temporary Office files ~$*.docx and other types are
// skipped; -v says so), or - for standard input. Text files may be UTF-8
// (with or without a byte-order mark), UTF-16, GB18030/GBK/GB2312 or
// Big5: the encoding is detected, shown with -v, and can be forced with
// --encoding. A file is read by what it holds, not only by its name.
// Run `speechledger -h` for the flags.
//
// Messages are in Chinese when the locale is (LC_ALL, LC_MESSAGES or LANG
// starting with zh, or on Windows a Chinese display language), in English
// otherwise.
//
// Exit status: 0 when every input was exported, 1 when some input failed
// (each failure named on standard error, the rest still exported) or the
// output could not be written (nothing is left half-written), 2 for a
// usage error, 3 when another run held the output's lock for longer than
// --lock-wait, 4 when the workbook already at the output cannot be carried
// forward (damaged, not a ledger, open in another program); it is left as
// it was. A run stopped by SIGINT (Ctrl+C) or SIGTERM removes its
// temporary files and its lock, leaves the output as it was and exits
// with 130 or 143 (128 and the signal's number).
//
// When the output workbook exists, a run carries forward what staff typed
// into it, keeps tasks gone from the input marked 已移出, logs itself on
// the sheet 变更记录, keeps --keep dated backups and reuses the extraction
// of unchanged inputs from a cache; see the README, "Nightly runs".
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], env{getenv: os.Getenv, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}))
}
