package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/speechledger/speechledger/templates"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite golden files and templates/*.xlsx")

// TestTemplates checks that the embedded templates are what the generators
// make; run with -update to regenerate them after changing a generator.
func TestTemplates(t *testing.T) {
	for _, tc := range []struct {
		name     string
		build    func() (*excelize.File, error)
		embedded []byte
	}{
		{"default.xlsx", defaultTemplate, templates.Default()},
		{"example.xlsx", exampleTemplate, templates.Example()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := tc.build()
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetDocProps(&excelize.DocProperties{
				Creator: "speechledger", LastModifiedBy: "speechledger",
				Created: "2024-01-01T00:00:00Z", Modified: "2024-01-01T00:00:00Z",
				Title: "讲话任务督办台账模板",
			}); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if _, err := f.WriteTo(&buf); err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := os.WriteFile(filepath.Join("..", "templates", tc.name), buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(buf.Bytes(), tc.embedded) {
				t.Errorf("templates/%s is stale: run go test ./report -run TestTemplates -update", tc.name)
			}
		})
	}
}

// exampleTemplate builds templates/example.xlsx: an office's own layout
// with its own title rows, fewer columns in another order under other
// labels, an unknown column (督办领导) left for staff, a date format of its
// own, 仿宋/楷体 fonts, green fills and a portrait page.
func exampleTemplate() (*excelize.File, error) {
	f := excelize.NewFile()
	sh := "督办台账"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return nil, err
	}
	if err := f.SetDefaultFont("仿宋"); err != nil {
		return nil, err
	}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	must := func(id int, err error) int {
		if err != nil {
			panic(err)
		}
		return id
	}
	org := must(f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "楷体", Size: 12}}))
	title := must(f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "方正小标宋简体", Size: 18, Color: "C00000"},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}))
	sub := must(f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "楷体", Size: 12},
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}))
	head := must(f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 12, Color: "FFFFFF"}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"548235"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}))
	text := must(f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "仿宋", Size: 12}, Border: border,
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}))
	center := must(f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "仿宋", Size: 12}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}))
	day := must(f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "仿宋", Size: 12}, Border: border,
		CustomNumFmt: ptr("yyyy\"年\"m\"月\"d\"日\""),
		Alignment:    &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}))
	cols := []struct {
		label string
		width float64
		style int
	}{
		{"序号", 6, center}, {"督办事项", 50, text}, {"牵头单位", 16, text}, {"完成时间", 16, day},
		{"时间要求", 14, text}, {"状态", 10, center}, {"落实情况", 20, text}, {"督办领导", 10, center}, {"预警", 10, center},
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	for _, err := range []error{
		f.SetCellStr(sh, "A1", "XX县人民政府督查室"),
		f.SetCellStyle(sh, "A1", "A1", org),
		f.MergeCell(sh, "A2", last+"2"),
		f.SetCellStr(sh, "A2", "{标题}\n重点工作督办台账"),
		f.SetCellStyle(sh, "A2", last+"2", title),
		f.SetRowHeight(sh, 2, 60),
		f.MergeCell(sh, "A3", last+"3"),
		f.SetCellStr(sh, "A3", "讲话日期：{讲话日期}　统计截至：{报告日期}"),
		f.SetCellStyle(sh, "A3", last+"3", sub),
		f.SetRowHeight(sh, 4, 32),
		f.SetRowHeight(sh, 5, 24),
	} {
		if err != nil {
			return nil, err
		}
	}
	for i, c := range cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		for _, err := range []error{
			f.SetCellStr(sh, col+"4", c.label),
			f.SetCellStyle(sh, col+"4", col+"4", head),
			f.SetCellStyle(sh, col+"5", col+"5", c.style),
			f.SetColWidth(sh, col, col, c.width),
		} {
			if err != nil {
				return nil, err
			}
		}
	}
	for _, err := range []error{
		f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("portrait"), FitToWidth: ptr(1), FitToHeight: ptr(0)}),
		f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: ptr(true)}),
		f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: ptr(1.0), Right: ptr(0.5), Top: ptr(0.8), Bottom: ptr(0.8)}),
		f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddHeader: "&L{标题}&R督查室制", OddFooter: "&C- &P -"}),
	} {
		if err != nil {
			return nil, err
		}
	}
	return f, nil
}
