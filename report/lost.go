package report

import (
	"strings"

	"github.com/speechledger/speechledger/report/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// What a run cannot keep of a speech sheet.
//
// A run writes each speech sheet's task rows anew, so what staff attach
// to cells and rows of a speech sheet rather than type into them does
// not come through: comments, hyperlinks, cells merged on the task rows,
// and the criteria of a filter. Staff must not lose them silently:
// lostFeatures finds them in the previous workbook and the change log
// names them, by sheet, the night they are dropped.

// lostFeatures returns, for the speech sheets of p that staff gave any,
// "sheet：what" for what the run does not keep. A workbook as the
// program left it (it has a memo) has none.
func lostFeatures(p *previous) []string {
	if p == nil || p.raw == nil || p.memo != nil {
		return nil
	}
	var out []string
	for _, sh := range p.sheets {
		part, ok := p.raw.SheetPart(sh.name)
		if !ok {
			continue
		}
		b, err := p.raw.Part(part)
		if err != nil || b == nil {
			continue
		}
		var lost []string
		if p.raw.Related(part, "comments") {
			lost = append(lost, "批注")
		}
		if xlsx.HasElement(b, "hyperlinks") {
			lost = append(lost, "超链接")
		}
		if mergedBelow(b, sh.header) {
			lost = append(lost, "任务行中的合并单元格")
		}
		if xlsx.HasElement(b, "filterColumn") {
			lost = append(lost, "筛选条件")
		}
		if len(lost) > 0 {
			out = append(out, sh.name+"："+strings.Join(lost, "、"))
		}
	}
	return out
}

// mergedBelow reports whether the worksheet XML b merges cells below the
// header row.
func mergedBelow(b []byte, header int) bool {
	for _, ref := range xlsx.MergedRanges(b) {
		_, end, _ := strings.Cut(ref, ":")
		if end == "" {
			end = ref
		}
		if _, row, err := excelize.CellNameToCoordinates(strings.ReplaceAll(end, "$", "")); err == nil && row > header {
			return true
		}
	}
	return false
}
