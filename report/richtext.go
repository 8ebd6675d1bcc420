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
}

// richKeyMark opens a placeholder: a private-use character no speech text
// holds (the extractor's input is decoded text of speeches).
const richKeyMark = "\uE000speechledger-rich-"

// add records runs and returns the placeholder to write in their cell.
func (r *richTexts) add(runs []excelize.RichTextRun) string {
	r.runs = append(r.runs, runs)
	return richKeyMark + strconv.Itoa(len(r.runs)-1)
}

// richSI matches the shared string of a placeholder as excelize writes it.
var richSI = regexp.MustCompile("<si><t>" + richKeyMark + `([0-9]+)</t></si>`)

// replace returns the shared strings part b with each placeholder replaced
// by its rich text, the run properties written by excelize itself.
func (r *richTexts) replace(b []byte) ([]byte, error) {
	if len(r.runs) == 0 {
		return b, nil
	}
	props, err := r.runProps()
	if err != nil {
		return nil, err
	}
	var fail error
	out := richSI.ReplaceAllFunc(b, func(m []byte) []byte {
		n, _ := strconv.Atoi(string(richSI.FindSubmatch(m)[1]))
		if n >= len(r.runs) {
			fail = fmt.Errorf("rich text %d: no such text", n)
			return m
		}
		var si bytes.Buffer
		si.WriteString("<si>")
		for _, run := range r.runs[n] {
			si.WriteString("<r>")
			si.WriteString(props[fontKey(run.Font)])
			si.WriteString(`<t xml:space="preserve">`)
			xml.EscapeText(&si, []byte(run.Text))
			si.WriteString("</t></r>")
		}
		si.WriteString("</si>")
		return si.Bytes()
	})
	if fail != nil {
		return nil, fail
	}
	if n := bytes.Count(out, []byte(richKeyMark)); n > 0 {
		return nil, fmt.Errorf("%d rich texts not written", n)
	}
	return out, nil
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
