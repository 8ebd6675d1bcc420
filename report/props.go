package report

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// setProps sets the document properties. Its timestamps are the report
// date at midnight UTC, not the time of writing, so that the same input
// and report date give the same bytes.
func setProps(f *excelize.File, l *ledger) error {
	stamp := l.ReportDate.String() + "T00:00:00Z"
	desc := "报告日期：" + l.ReportDate.String()
	if len(l.Inputs) > 0 {
		desc += "；输入：" + strings.Join(l.Inputs, "、")
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          "讲话任务督办台账",
		Subject:        "督办台账（报告日期 " + l.ReportDate.String() + "）",
		Creator:        "speechledger",
		LastModifiedBy: "speechledger",
		Keywords:       "督办台账; 讲话稿; 报告日期 " + l.ReportDate.String(),
		Description:    cleanText(desc),
		Created:        stamp,
		Modified:       stamp,
		Language:       "zh-CN",
	}); err != nil {
		return err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "speechledger"}); err != nil {
		return err
	}
	return f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: ptr(true)})
}
