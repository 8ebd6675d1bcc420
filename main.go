// Command speechledger reads Chinese speeches (讲话稿) and writes the
// supervision task ledger (督办台账): every task a speech assigns, with its
// time nodes, responsible bodies and numeric targets, as an Excel workbook
// with one sheet per speech and a summary sheet, or as JSON lines.
//
// Usage:
//
//	speechledger [flags] PATH...
//
// PATH is a .txt file or a folder, walked recursively in sorted order.
// Run `speechledger -h` for the flags.
//
// Exit status: 0 when every input was exported, 1 when some input failed
// (each failure named on standard error, the rest still exported), 2 for a
// usage error.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
