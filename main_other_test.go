//go:build !linux

package main

import "errors"

var errUnsupported = errors.New("not supported on this system")

func mkfifo(string) error    { return errUnsupported }
func mountTiny(string) error { return errUnsupported }
func unmount(string)         {}
