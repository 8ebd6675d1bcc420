package report

import "github.com/xuri/excelize/v2"

// defaultColumns are the columns of the default layout, in order, with
// their widths in character units of the default font (宋体 11 pt, in
// which a Chinese character is two units wide).
var defaultColumns = []struct {
	field  field
	width  float64
	center bool
	hidden bool
}{
	{fieldSeq, 5.5, true, false},
	{fieldID, 16, false, false},
	{fieldText, 46, false, false},
	{fieldTimes, 12, false, false},
	{fieldDue, 12, true, false},
	{fieldLead, 14, false, false},
	{fieldSupport, 12, false, false},
	{fieldTargets, 14, false, false},
	{fieldTargetValue, 10, true, true},
	{fieldSection, 12, false, false},
	{fieldHints, 14, false, false},
	{fieldStatus, 10, true, false},
	{fieldProgress, 14, false, false},
	{fieldWarning, 10, true, false},
	{fieldNote, 10, false, false},
}

// defaultSheet is the name of the speech sheet in the default template.
const defaultSheet = "任务台账"

// defaultTemplate builds templates/default.xlsx (TestTemplates), which
// the program fills when given no template of its own: a title row, a meta row and
// the header row, then one empty row whose cells carry the data styles.
func defaultTemplate() (*excelize.File, error) {
	f := excelize.NewFile()
	sh := defaultSheet
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return nil, err
	}
	if err := f.SetDefaultFont(fontBody); err != nil {
		return nil, err
	}
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	title, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontTitle, Size: 16, Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	if err != nil {
		return nil, err
	}
	meta, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontBody, Size: 10.5},
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true},
	})
	if err != nil {
		return nil, err
	}
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Family: fontTitle, Size: 11, Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Border:    border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	if err != nil {
		return nil, err
	}
	last, _ := excelize.ColumnNumberToName(len(defaultColumns))
	steps := []func() error{
		func() error { return f.MergeCell(sh, "A1", last+"1") },
		func() error { return f.SetCellStr(sh, "A1", "{标题} 任务台账") },
		func() error { return f.SetCellStyle(sh, "A1", last+"1", title) },
		func() error { return f.SetRowHeight(sh, 1, 36) },
		func() error { return f.MergeCell(sh, "A2", last+"2") },
		func() error {
			return f.SetCellStr(sh, "A2", "讲话人：{讲话人}　　讲话日期：{讲话日期}　　来源：{来源文件} {篇次}　　报告日期：{报告日期}　　任务数：{任务数}")
		},
		func() error { return f.SetCellStyle(sh, "A2", last+"2", meta) },
		func() error { return f.SetRowHeight(sh, 2, 22) },
		func() error { return f.SetRowHeight(sh, 3, 30) },
		func() error { return f.SetRowHeight(sh, 4, 20) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	for i, c := range defaultColumns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetCellStr(sh, col+"3", c.field.label()); err != nil {
			return nil, err
		}
		if err := f.SetCellStyle(sh, col+"3", col+"3", header); err != nil {
			return nil, err
		}
		st := &excelize.Style{
			Font:      &excelize.Font{Family: fontBody, Size: 11},
			Border:    border,
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		}
		if c.center {
			st.Alignment.Horizontal = "center"
		}
		switch c.field {
		case fieldDue:
			st.CustomNumFmt = ptr("yyyy-mm-dd")
			st.Alignment.WrapText = false
		case fieldTargetValue:
			st.CustomNumFmt = ptr("General")
		case fieldWarning:
			st.Font.Bold = true
		}
		id, err := f.NewStyle(st)
		if err != nil {
			return nil, err
		}
		if err := f.SetCellStyle(sh, col+"4", col+"4", id); err != nil {
			return nil, err
		}
		if err := f.SetColWidth(sh, col, col, c.width); err != nil {
			return nil, err
		}
		if c.hidden {
			if err := f.SetColVisible(sh, col, false); err != nil {
				return nil, err
			}
		}
	}
	if err := setPrint(f, sh, "{标题}"); err != nil {
		return nil, err
	}
	return f, nil
}
