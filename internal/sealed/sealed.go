// Package sealed keeps a cache entry with the key it was made for and a
// checksum of both, so that an entry damaged on the disk, cut short, or
// found under another entry's name is recognised before it is used: a
// cache may then make a program faster, never wrong.
//
// A sealed entry is a header (a magic line, then the key's length as a
// uvarint and the key), the content, and the SHA-256 of all that before
// it.
package sealed

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash"
	"io"
)

const magic = "speechledger sealed 1\n"

// Errors of Open.
var (
	ErrDamaged   = errors.New("damaged or cut short: its checksum does not match")
	ErrMisplaced = errors.New("made for another key")
)

// A Writer writes a sealed entry to an underlying writer: what is written
// to it, then, at Close, the checksum.
type Writer struct {
	w   io.Writer
	h   hash.Hash
	err error
}

// NewWriter starts an entry for key on w, writing its header.
func NewWriter(w io.Writer, key string) *Writer {
	s := &Writer{w: w, h: sha256.New()}
	head := append([]byte(magic), binary.AppendUvarint(nil, uint64(len(key)))...)
	s.Write(append(head, key...))
	return s
}

// Write writes p as part of the entry's content.
func (s *Writer) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	s.h.Write(p[:n])
	s.err = err
	return n, err
}

// Close ends the entry with its checksum. It does not close the
// underlying writer.
func (s *Writer) Close() error {
	if s.err != nil {
		return s.err
	}
	_, err := s.w.Write(s.h.Sum(nil))
	return err
}

// Open returns the content of the sealed entry b, or ErrDamaged when b
// is not an entry whole as it was written, or ErrMisplaced when it was
// made for another key than key.
func Open(b []byte, key string) ([]byte, error) {
	if len(b) < len(magic)+sha256.Size || !bytes.HasPrefix(b, []byte(magic)) {
		return nil, ErrDamaged
	}
	body, sum := b[:len(b)-sha256.Size], b[len(b)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, ErrDamaged
	}
	rest := body[len(magic):]
	n, k := binary.Uvarint(rest)
	if k <= 0 || n > uint64(len(rest)-k) {
		return nil, ErrDamaged
	}
	rest = rest[k:]
	if string(rest[:n]) != key {
		return nil, ErrMisplaced
	}
	return rest[n:], nil
}
