package main

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/report"
)

// A speechSpool keeps a run's speeches on disk, in input order, so that a
// run over thousands of speeches holds one at a time rather than all of
// them. The output cannot be written as the speeches come: a body's
// canonical name depends on the names of every speech of the run
// (extract.GroupBodies), and a workbook's sheets on the dates of all of
// them. The spool keeps the distinct canonical names as the speeches
// pass, and the speeches without their tasks (heads), and gives the
// speeches back, one at a time and grouped, as often as asked once the
// run has them all. The speeches are written with gob, as the extraction
// cache writes them.
type speechSpool struct {
	f     *os.File
	w     *bufio.Writer
	enc   *gob.Encoder
	names []string        // the distinct canonical names, in order of appearance
	seen  map[string]bool // the names in names
	group map[string]string
	heads []extract.Speech
	tally tally
}

// newSpeechSpool returns an empty spool in a temporary file; close
// removes it.
func newSpeechSpool() (*speechSpool, error) {
	f, err := os.CreateTemp("", "speechledger-*.spool")
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	w := bufio.NewWriter(f)
	return &speechSpool{f: f, w: w, enc: gob.NewEncoder(w), seen: map[string]bool{}}, nil
}

// add writes speeches to the spool.
func (s *speechSpool) add(speeches []extract.Speech) error {
	for _, sp := range speeches {
		s.tally.add(sp)
		for _, name := range extract.AppendCanonical(nil, sp) {
			if !s.seen[name] {
				s.seen[name] = true
				s.names = append(s.names, name)
			}
		}
		if err := s.enc.Encode(&sp); err != nil {
			return fmt.Errorf("spool: %w", err)
		}
		sp.Tasks = nil
		s.heads = append(s.heads, sp)
	}
	return nil
}

// speeches returns the speeches of the spool for a workbook.
func (s *speechSpool) speeches() report.Speeches {
	return report.Speeches{Heads: s.heads, Each: s.each}
}

// each calls fn with each speech of the spool in the order they were
// added, with its bodies grouped across all of them, and stops at fn's
// first error. It can be called again, once the last call returned.
func (s *speechSpool) each(fn func(extract.Speech) error) error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	if s.group == nil {
		s.group = extract.GroupNames(s.names)
	}
	group := s.group
	dec := gob.NewDecoder(bufio.NewReaderSize(s.f, 1<<16))
	for range s.tally.Speeches {
		var sp extract.Speech
		if err := dec.Decode(&sp); err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return fmt.Errorf("spool: %w", err)
		}
		one := []extract.Speech{sp}
		extract.Regroup(one, group)
		if err := fn(one[0]); err != nil {
			return err
		}
	}
	return nil
}

// close removes the spool's file.
func (s *speechSpool) close() {
	s.f.Close()
	os.Remove(s.f.Name())
}

// A tally counts a run's speeches, duplicates and tasks, for its summary.
type tally struct {
	Speeches, Duplicates, Tasks int
}

// add counts sp.
func (t *tally) add(sp extract.Speech) {
	t.Speeches++
	t.Tasks += len(sp.Tasks)
	if sp.DuplicateOf != 0 {
		t.Duplicates++
	}
}

// tallyOf counts speeches.
func tallyOf(speeches []extract.Speech) tally {
	var t tally
	for _, sp := range speeches {
		t.add(sp)
	}
	return t
}
