package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/speechledger/speechledger/extract"
	"github.com/speechledger/speechledger/internal/atomicfile"
)

// speechLine is the JSON line of a speech (../shared/spec/output.md).
type speechLine struct {
	Type            string        `json:"type"`
	Source          string        `json:"source"`
	Speech          int           `json:"speech"`
	Title           string        `json:"title"`
	Speaker         *string       `json:"speaker"`
	SpeechDate      extract.Date  `json:"speech_date"`
	RefDate         extract.Date  `json:"ref_date"`
	RefDateSource   *string       `json:"ref_date_source"`
	DuplicateOf     *int          `json:"duplicate_of"`
	DuplicateSource string        `json:"duplicate_source,omitempty"`
	Similarity      float64       `json:"similarity,omitempty"`
	Overlaps        []overlapJSON `json:"overlaps,omitempty"`
	Tasks           int           `json:"tasks"`
}

type overlapJSON struct {
	Source string  `json:"source"`
	Speech int     `json:"speech"`
	Share  float64 `json:"share"`
}

// taskLine is the JSON line of a task.
type taskLine struct {
	Type    string       `json:"type"`
	Source  string       `json:"source"`
	Speech  int          `json:"speech"`
	Seq     int          `json:"seq"`
	ID      string       `json:"id"`
	Text    string       `json:"text"`
	Section string       `json:"section,omitempty"`
	Times   []timeJSON   `json:"times"`
	Bodies  []bodyJSON   `json:"bodies"`
	Targets []targetJSON `json:"targets"`
	Hints   []string     `json:"hints,omitempty"`
}

type timeJSON struct {
	Text  string       `json:"text"`
	Due   extract.Date `json:"due"`
	Start extract.Date `json:"start"`
	Note  string       `json:"note,omitempty"`
}

type bodyJSON struct {
	Name      string `json:"name"`
	Role      string `json:"role"`
	Canonical string `json:"canonical,omitempty"`
	Carried   bool   `json:"carried,omitempty"`
}

type targetJSON struct {
	Text   string `json:"text"`
	Value  any    `json:"value"`
	Unit   string `json:"unit"`
	Object string `json:"object"`
	Cmp    string `json:"cmp"`
}

// WriteJSONL writes speeches and their tasks as JSON lines, one object per
// line in document order: a speech line, then its task lines.
func WriteJSONL(w io.Writer, speeches []extract.Speech) error {
	jw := NewJSONLWriter(w)
	for _, sp := range speeches {
		if err := jw.Write(sp); err != nil {
			return err
		}
	}
	return jw.Flush()
}

// A JSONLWriter writes speeches as JSON lines one at a time, as WriteJSONL
// writes them together, for a run that does not hold them all.
type JSONLWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

// NewJSONLWriter returns a JSONLWriter writing to w; Flush ends the
// writing.
func NewJSONLWriter(w io.Writer) *JSONLWriter {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{bw: bw, enc: enc}
}

// Write writes the line of sp, then the lines of its tasks.
func (jw *JSONLWriter) Write(sp extract.Speech) error {
	if err := jw.enc.Encode(newSpeechLine(sp)); err != nil {
		return fmt.Errorf("write json lines: %w", err)
	}
	for _, t := range sp.Tasks {
		if err := jw.enc.Encode(newTaskLine(sp, t)); err != nil {
			return fmt.Errorf("write json lines: %w", err)
		}
	}
	return nil
}

// Flush writes out what is buffered.
func (jw *JSONLWriter) Flush() error {
	if err := jw.bw.Flush(); err != nil {
		return fmt.Errorf("write json lines: %w", err)
	}
	return nil
}

func newSpeechLine(sp extract.Speech) speechLine {
	l := speechLine{
		Type:          "speech",
		Source:        sp.Source,
		Speech:        sp.Index,
		Title:         sp.Title,
		Speaker:       optional(sp.Speaker),
		SpeechDate:    sp.SpeechDate,
		RefDate:       sp.RefDate,
		RefDateSource: optional(sp.RefSource),
		Tasks:         len(sp.Tasks),
	}
	if sp.DuplicateOf != 0 {
		d := sp.DuplicateOf
		l.DuplicateOf = &d
		l.DuplicateSource = sp.DuplicateSource
		l.Similarity = round3(sp.Similarity)
	}
	for _, o := range sp.Overlaps {
		l.Overlaps = append(l.Overlaps, overlapJSON{o.Source, o.Index, round3(o.Share)})
	}
	return l
}

func newTaskLine(sp extract.Speech, t extract.Task) taskLine {
	l := taskLine{
		Type: "task", Source: sp.Source, Speech: sp.Index, Seq: t.Seq, ID: t.ID,
		Text: t.Text, Section: t.Section, Hints: t.Hints,
		Times: []timeJSON{}, Bodies: []bodyJSON{}, Targets: []targetJSON{},
	}
	for _, tn := range t.Times {
		l.Times = append(l.Times, timeJSON{tn.Text, tn.Due, tn.Start, tn.Note})
	}
	for _, b := range t.Bodies {
		bj := bodyJSON{Name: b.Name, Role: b.Role, Carried: b.Carried}
		if b.Canonical != b.Name {
			bj.Canonical = b.Canonical
		}
		l.Bodies = append(l.Bodies, bj)
	}
	for _, g := range t.Targets {
		var v any = g.Value
		if g.Ratio != "" {
			v = g.Ratio
		}
		l.Targets = append(l.Targets, targetJSON{g.Text, v, g.Unit, g.Object, g.Cmp})
	}
	return l
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// WriteJSONLFile writes speeches as JSON lines to path atomically.
func WriteJSONLFile(path string, speeches []extract.Speech) error {
	if err := atomicfile.Write(path, func(w io.Writer) error { return WriteJSONL(w, speeches) }, atomicfile.Options{}); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
