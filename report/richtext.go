package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// richTexts are the rich texts of a workbook, written into its shared
// strings when it is saved. excelize's SetCellRichText compares each new
// rich text with every one before it, which takes a good part of a
// second for a thousand tasks; a placeholder string in the cell, replaced
// in the saved package, takes none.
type richTexts struct {
	runs [][]excelize.RichTextRun // by placeholder number
	// props, once prefetch has started, delivers the result of runProps.
	props chan richProps
}

type richProps struct {
	props map[fontID]string
	err   error
}

// prefetch starts working out the run properties of the texts added so
// far, while the rest of the workbook is saved; add no more texts after.
func (r *richTexts) prefetch() {
	if len(r.runs) == 0 || r.props != nil {
		return
	}
	r.props = make(chan richProps, 1)
	go func() {
		props, err := r.runProps()
		r.props <- richProps{props, err}
	}()
}

// richKeyMark opens a placeholder: a private-use character no speech text
// holds (the extractor's input is decoded text of speeches).
const richKeyMark = "\uE000speechledger-rich-"

// add records runs and returns the placeholder to write in their cell.
func (r *richTexts) add(runs []excelize.RichTextRun) string {
	r.runs = append(r.runs, runs)
	return richKeyMark + strconv.Itoa(len(r.runs)-1)
}

// replace returns the shared strings part b with each placeholder replaced
// by its rich text, the run properties written by excelize itself.
func (r *richTexts) replace(b []byte) ([]byte, error) {
	if len(r.runs) == 0 {
		return b, nil
	}
	r.prefetch()
	res := <-r.props
	r.props <- res // for another call
	props, err := res.props, res.err
	if err != nil {
		return nil, err
	}
	// Each placeholder's shared string, <si><t>…N</t></si> as excelize
	// writes it, found with bytes.Index: a regular expression over the
	// whole part takes several times as long.
	prefix := []byte("<si><t>" + richKeyMark)
	var out bytes.Buffer
	out.Grow(len(b) + len(r.runs)*64)
	for {
		i := bytes.Index(b, prefix)
		if i < 0 {
			break
		}
		j := i + len(prefix)
		k := j
		for k < len(b) && '0' <= b[k] && b[k] <= '9' {
			k++
		}
		if k == j || !bytes.HasPrefix(b[k:], []byte("</t></si>")) {
			out.Write(b[:i+1])
			b = b[i+1:]
			continue
		}
		n, err := strconv.Atoi(string(b[j:k]))
		if err != nil || n >= len(r.runs) {
			return nil, fmt.Errorf("rich text %s: no such text", b[j:k])
		}
		out.Write(b[:i])
		out.WriteString("<si>")
		for _, run := range r.runs[n] {
			out.WriteString("<r>")
			out.WriteString(props[fontKey(run.Font)])
			out.WriteString(`<t xml:space="preserve">`)
			xml.EscapeText(&out, []byte(run.Text))
			out.WriteString("</t></r>")
		}
		out.WriteString("</si>")
		b = b[k+len("</t></si>"):]
	}
	out.Write(b)
	if n := bytes.Count(out.Bytes(), []byte(richKeyMark)); n > 0 {
		return nil, fmt.Errorf("%d rich texts not written", n)
	}
	return out.Bytes(), nil
}

// A fontID tells apart the fonts of the runs richRuns makes.
type fontID struct {
	family, color string
	size          float64
	bold          bool
}

func fontKey(f *excelize.Font) fontID { return fontID{f.Family, f.Color, f.Size, f.Bold} }

// rPr matches the run properties of a shared string.
var rPr = regexp.MustCompile(`<rPr>.*?</rPr>`)

// runProps returns the run properties (<rPr>) of each font the runs use,
// as excelize writes them, by fontKey.
func (r *richTexts) runProps() (map[fontID]string, error) {
	var fonts []*excelize.Font
	seen := map[fontID]bool{}
	for _, runs := range r.runs {
		for _, run := range runs {
			if k := fontKey(run.Font); !seen[k] {
				seen[k] = true
				fonts = append(fonts, run.Font)
			}
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	for i, ft := range fonts {
		// A distinct text for each, so none is shared with another.
		text := "f" + strconv.Itoa(i)
		if err := f.SetCellRichText("Sheet1", "A"+strconv.Itoa(i+1), []excelize.RichTextRun{{Text: text, Font: ft}}); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	sst, err := readZipPart(buf.Bytes(), "xl/sharedStrings.xml")
	if err != nil {
		return nil, err
	}
	found := rPr.FindAll(sst, -1)
	if len(found) != len(fonts) {
		return nil, fmt.Errorf("rich text: %d run properties for %d fonts", len(found), len(fonts))
	}
	props := map[fontID]string{}
	for i, ft := range fonts {
		props[fontKey(ft)] = string(found[i])
	}
	return props, nil
}

// readZipPart returns the part name of the xlsx package b.
func readZipPart(b []byte, name string) ([]byte, error) {
	zr, err := zipReader(b)
	if err != nil {
		return nil, err
	}
	for _, zf := range zr.File {
		if strings.EqualFold(zf.Name, name) {
			return readZipFile(zf)
		}
	}
	return nil, fmt.Errorf("no %s", name)
}
