//go:build !windows

package main

// systemChinese reports whether the system language is Chinese when no
// locale variable says: on Unix an unset locale is the C locale, English.
func systemChinese() bool { return false }
