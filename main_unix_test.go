//go:build linux

package main

import (
	"os/exec"
	"syscall"
)

func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }

// mountTiny mounts a 64 KiB tmpfs on dir, to fill up; only root may.
func mountTiny(dir string) error {
	return exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir).Run()
}

func unmount(dir string) { exec.Command("umount", dir).Run() }
