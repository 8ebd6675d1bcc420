//go:build !unix

package convert

import "os/exec"

// ownGroup leaves cmd as it is: cancelling it kills the process it
// started.
func ownGroup(cmd *exec.Cmd) {}
