package report

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/internal/atomicfile"
)

// backupName returns the name of the n-th backup (n from 1) of the
// workbook path made on date d: ledger.2010-01-15.bak.xlsx, then
// ledger.2010-01-15.2.bak.xlsx for a second run the same day.
func backupName(path string, d extract.Date, n int) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	seq := ""
	if n > 1 {
		seq = "." + strconv.Itoa(n)
	}
	return stem + "." + d.String() + seq + ".bak" + ext
}

// backup keeps the workbook at path under the first free backup name for
// date d, as a hard link where the file system allows, and returns that
// name. It never replaces a backup.
func backup(path string, d extract.Date) (string, error) {
	for n := 1; ; n++ {
		name := backupName(path, d, n)
		if _, err := os.Lstat(name); err == nil {
			continue
		}
		if err := os.Link(path, name); err == nil {
			return name, nil
		} else if os.IsExist(err) {
			continue
		}
		if err := copyFile(path, name); err != nil {
			return "", fmt.Errorf("back up %s to %s: %w", path, name, err)
		}
		return name, nil
	}
}

// copyFile copies src to a new file dst, synced.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return atomicfile.Write(dst, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	}, atomicfile.Options{})
}

// pruneBackups removes all but the keep newest backups of path.
func pruneBackups(path string, keep int) error {
	dir, base := filepath.Split(path)
	ext := filepath.Ext(base)
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(strings.TrimSuffix(base, ext)) +
		`\.(\d{4}-\d{2}-\d{2})(?:\.(\d+))?\.bak` + regexp.QuoteMeta(ext) + `$`)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("prune backups of %s: %w", path, err)
	}
	type bak struct {
		name, date string
		n          int
	}
	var baks []bak
	for _, e := range entries {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() {
			continue
		}
		n := 1
		if m[2] != "" {
			n, _ = strconv.Atoi(m[2])
		}
		baks = append(baks, bak{e.Name(), m[1], n})
	}
	slices.SortFunc(baks, func(a, b bak) int {
		return cmp.Or(strings.Compare(a.date, b.date), cmp.Compare(a.n, b.n))
	})
	for _, b := range baks[:max(0, len(baks)-keep)] {
		if err := os.Remove(filepath.Join(dir, b.name)); err != nil {
			return fmt.Errorf("prune backups of %s: %w", path, err)
		}
	}
	return nil
}
