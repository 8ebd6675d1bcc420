package xlsx

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// rPr matches the run properties of a shared string.
var rPr = regexp.MustCompile(`<rPr>.*?</rPr>`)

// RunProps returns the run properties (<rPr>) of each of fonts, in order,
// as excelize writes them for rich text: it writes a run in each font
// and takes them from the shared strings it saves.
func RunProps(fonts []*excelize.Font) ([]string, error) {
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
	sst, err := ReadPart(buf.Bytes(), "xl/sharedStrings.xml")
	if err != nil {
		return nil, err
	}
	found := rPr.FindAll(sst, -1)
	if len(found) != len(fonts) {
		return nil, fmt.Errorf("rich text: %d run properties for %d fonts", len(found), len(fonts))
	}
	props := make([]string, len(fonts))
	for i := range fonts {
		props[i] = string(found[i])
	}
	return props, nil
}
