// Package cache keeps the speeches extracted from each input, so that a
// nightly run over a folder where little changed extracts only what did.
// An entry's key is a hash of the input's bytes and name and of
// everything else decoding and extraction depend on: the program itself
// and the options. The results never depend on the cache: an entry is what
// extracting would give.
//
// Entries are gob files named by their key in the cache folder, written
// atomically (package atomicfile) and sealed (package sealed) with their
// key and a checksum: an entry damaged on the disk, cut short or put under
// another entry's name is a miss, never used.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/speechledger/speechledger/internal/atomicfile"
	"github.com/speechledger/speechledger/internal/sealed"
)

// cacheFormat changes whenever what the cache stores changes shape, or
// to drop every entry made before.
const cacheFormat = "speechledger-cache-4"

// A Cache is the cache in one folder for one program and set of options.
// A nil *Cache is a cache that is off: it finds nothing and keeps nothing.
type Cache struct {
	dir     string
	program string // programID
	salt    []byte // hash of the program and the options
}

// Open returns the cache in dir for extraction with the given options
// (each a string that changes when extraction would), or nil when dir is
// "" or cannot be made.
func Open(dir string, options ...string) *Cache {
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil
	}
	program := programID(dir)
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", cacheFormat, program)
	for _, o := range options {
		fmt.Fprintf(h, "%d:%s\x00", len(o), o)
	}
	return &Cache{dir: dir, program: program, salt: h.Sum(nil)}
}

// Dir returns the cache's folder, where other caches of the program (the
// workbook's memo) may keep their files too.
func (c *Cache) Dir() string { return c.dir }

// Program returns what identifies the program that runs (see programID).
func (c *Cache) Program() string { return c.program }

// Key returns the key of an input named name holding data, "" for a nil
// Cache.
func (c *Cache) Key(name string, data []byte) string {
	if c == nil {
		return ""
	}
	h := sha256.New()
	h.Write(c.salt)
	fmt.Fprintf(h, "file\x00%d:%s\x00", len(name), name)
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".gob")
}

// Load reads the entry key into v, reporting whether there was one. An
// entry that is there but cannot be used is not one, with the error
// saying why (for -v).
func (c *Cache) Load(key string, v any) (bool, error) {
	if c == nil || key == "" {
		return false, nil
	}
	path := c.path(key)
	b, err := os.ReadFile(path)
	if err != nil {
		return false, nil
	}
	content, err := sealed.Open(b, key)
	if err == nil {
		err = gob.NewDecoder(bytes.NewReader(content)).Decode(v)
	}
	if err != nil {
		return false, fmt.Errorf("cache entry %s: %w", path, err)
	}
	return true, nil
}

// Store writes v as the entry key. A cache that cannot be written is no
// reason to fail a run: the error is for -v.
func (c *Cache) Store(key string, v any) error {
	if c == nil || key == "" {
		return nil
	}
	var buf bytes.Buffer
	w := sealed.NewWriter(&buf, key)
	if err := gob.NewEncoder(w).Encode(v); err != nil {
		return fmt.Errorf("cache %s: %w", c.dir, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("cache %s: %w", c.dir, err)
	}
	path := c.path(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("cache %s: %w", c.dir, err)
	}
	err := atomicfile.Write(path, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	}, atomicfile.Options{NoSync: true}) // a lost entry costs only time
	if err != nil {
		return fmt.Errorf("cache %s: %w", c.dir, err)
	}
	return nil
}

// programID identifies the program that runs, so that a new build never
// reads what an old one extracted: a hash of the executable, remembered in
// the cache folder by the executable's path, size and time of change so
// that it is computed once per build. Without an executable to read, it is
// the build's module version and revision.
func programID(dir string) string {
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			h := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d\x00%d", exe, info.Size(), info.ModTime().UnixNano()))
			memo := filepath.Join(dir, "program-"+hex.EncodeToString(h[:8]))
			if b, err := os.ReadFile(memo); err == nil && len(b) == 64 {
				return string(b)
			}
			if f, err := os.Open(exe); err == nil {
				defer f.Close()
				sum := sha256.New()
				if _, err := io.Copy(sum, f); err == nil {
					id := hex.EncodeToString(sum.Sum(nil))
					atomicfile.Write(memo, func(w io.Writer) error {
						_, err := io.WriteString(w, id)
						return err
					}, atomicfile.Options{NoSync: true})
					return id
				}
			}
		}
	}
	id := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		id = bi.Main.Path + "@" + bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				id += " " + s.Value
			}
		}
	}
	return id
}
