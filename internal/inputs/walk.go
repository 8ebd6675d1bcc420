package inputs

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A Skip says why Walk passed over a file or folder.
type Skip int

const (
	SkipHidden  Skip = iota // a hidden file or folder (.name), and all a hidden folder holds
	SkipTemp                // a temporary Office file (~$name.docx), which Word makes beside an open document
	SkipType                // a file of a type speechledger does not read (see Wanted)
	SkipSpecial             // not a regular file, even through a link: reading a named pipe could block
)

// Walk returns the files under the folder root that a run reads, walking
// it recursively in sorted order. It calls skip for each file or folder it
// passes over, and failed for each one under root that cannot be read;
// the walk goes on past both. Only an error about root itself stops it.
func Walk(root string, skip func(path string, why Skip), failed func(path string, err error)) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			failed(path, err)
			return nil
		}
		name := d.Name()
		if path != root && strings.HasPrefix(name, ".") {
			skip(path, SkipHidden)
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		switch {
		case strings.HasPrefix(name, "~$"):
			skip(path, SkipTemp)
		case !Wanted(name):
			skip(path, SkipType)
		case !d.Type().IsRegular() && !isRegular(path):
			skip(path, SkipSpecial)
		default:
			files = append(files, path)
		}
		return nil
	})
	return files, err
}

// Wanted reports whether a file found in a folder is read, by its name:
// speeches in .txt and .docx, PDF and OFD, task-division workbooks, and
// the old formats that are converted or that staff must be told to
// convert.
func Wanted(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".docx", ".doc", ".wps", ".pdf", ".ofd", ".xlsx", ".xls", ".et":
		return true
	}
	return false
}

// isRegular reports whether path (a symbolic link, say) leads to a
// regular file.
func isRegular(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}
