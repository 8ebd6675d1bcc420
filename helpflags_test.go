package main

import (
	"strings"
	"testing"
)

// TestHelpChinese: the Chinese help of the command and its subcommands
// has no English left from the flag package, and its descriptions start
// in one column on a terminal.
func TestHelpChinese(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"handout", "-h"}, {"collect", "-h"}} {
		stdout, _, code := speechledgerWith(t, []string{"LANG=zh_CN.UTF-8"}, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		_, flags, ok := strings.Cut(stdout, "选项:\n")
		if !ok {
			t.Fatalf("%v: no 选项:\n%s", args, stdout)
		}
		for _, english := range []string{"string", "duration", "(default", "int", "Flags"} {
			if strings.Contains(flags, english) {
				t.Errorf("%v: %q in the Chinese help:\n%s", args, english, flags)
			}
		}
		col := -1
		for _, l := range strings.Split(strings.TrimRight(flags, "\n"), "\n") {
			start := strings.Index(l, "-")
			i := strings.Index(l[start:], "   ") + start
			for i >= 0 && i+3 < len(l) && l[i+3] == ' ' {
				i++
			}
			w := displayWidth(l[:i+3])
			if col < 0 {
				col = w
			}
			if w != col {
				t.Errorf("%v: description at column %d, not %d: %q", args, w, col, l)
			}
		}
	}
}
