package main

import "syscall"

// systemChinese reports whether the Windows display language is Chinese
// (primary language 0x04), for consoles where no locale variable is set.
func systemChinese() bool {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetUserDefaultUILanguage")
	if proc.Find() != nil {
		return false
	}
	lang, _, _ := proc.Call()
	return lang&0x3FF == 0x04
}
