package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"github.com/speechledger/speechledger/report/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// A fontID tells apart the fonts of the runs richRuns makes.
type fontID struct {
	family, color string
	size          float64
	bold          bool
}

func fontKey(f *excelize.Font) fontID { return fontID{f.Family, f.Color, f.Size, f.Bold} }

// rPr matches the run properties of a shared string.
var rPr = regexp.MustCompile(`<rPr>.*?</rPr>`)

// runProps returns the run properties (<rPr>) of each of fonts, as
// excelize writes them for rich text, by fontKey.
func runProps(fonts []*excelize.Font) (map[fontID]string, error) {
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
	sst, err := xlsx.ReadPart(buf.Bytes(), "xl/sharedStrings.xml")
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
