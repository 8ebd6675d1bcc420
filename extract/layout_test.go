package extract

import (
	"errors"
	"strings"
	"testing"

	"github.com/speechledger/speechledger/internal/ofdtest"
)

// Page numbers as Chinese documents print them, and running headers and
// footers, go; lines broken by the layout are joined again (guide: the
// text of a speech, whatever file it came in).
func TestPDFTextFurniture(t *testing.T) {
	bodies := [][]string{
		{"  各单位要高度重视安全生产工作,切实加强组织领导,县应急局要在6月底前", "完成全县隐患排查整治,确保不发生重大安全事故。", "  二、抓好落实"},
		{"  县发改局要会同县财政局抓紧编制重点项目计划,明确责任分工和时间", "节点,确保项目按期开工。"},
		{"  三、强化保障", "  各乡镇要加强统筹协调,形成工作合力。"},
	}
	want := "各单位要高度重视安全生产工作,切实加强组织领导,县应急局要在6月底前完成全县隐患排查整治,确保不发生重大安全事故。\n二、抓好落实\n" +
		"县发改局要会同县财政局抓紧编制重点项目计划,明确责任分工和时间节点,确保项目按期开工。\n" +
		"三、强化保障\n各乡镇要加强统筹协调,形成工作合力。\n"
	for _, number := range []string{"—%d—", "- %d -", "第%d页", "第 %d 页 共 3 页", "%d", "%d/3", "Page %d of 3"} {
		var pages []string
		for i, body := range bodies {
			page := "            某某县人民政府文件\n\n" + strings.Join(body, "\n") + "\n\n               " + strings.ReplaceAll(number, "%d", string(rune('1'+i))) + "\n"
			pages = append(pages, page)
		}
		got, err := PDFText(strings.Join(pages, "\f"))
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("page number %q:\n got %q\nwant %q", number, got, want)
		}
	}
}

// Spaces a layout puts around Chinese characters go; a table row keeps its
// cells, separated by tabs.
func TestPDFTextSpacesAndCells(t *testing.T) {
	got, err := PDFText("(2009 年 10 月 30 日)\n序号    工作任务      牵头单位\n1       完成规划编制    县发改局\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := "(2009年10月30日)\n序号\t工作任务\t牵头单位\n1\t完成规划编制\t县发改局\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A PDF with no text is a scan.
func TestPDFTextScan(t *testing.T) {
	for _, layout := range []string{"", "\f\f", "  \n\n \f"} {
		if _, err := PDFText(layout); !errors.Is(err, ErrNoTextLayer) {
			t.Errorf("PDFText(%q): %v, want ErrNoTextLayer", layout, err)
		}
	}
}

// FuzzPDFText: any layout text gives text or ErrNoTextLayer, valid UTF-8,
// without panicking.
func FuzzPDFText(f *testing.F) {
	f.Add("第一篇:讲话\n  各单位要在6月底前完成任务。\f\n  — 2 —\n")
	f.Add("序号    工作任务      牵头单位\n1       完成规划编制  县发改局\n\f第1页")
	f.Add("\xff\xfe  (2009 年 10 月 30 日)   \t\r\n")
	f.Fuzz(func(t *testing.T, layout string) {
		text, err := PDFText(layout)
		if err != nil && !errors.Is(err, ErrNoTextLayer) {
			t.Fatalf("unexpected error %v", err)
		}
		if err == nil && strings.TrimSpace(text) == "" {
			t.Fatal("blank text without ErrNoTextLayer")
		}
	})
}

// FuzzOFD: any bytes give text or an error, without panicking; the seeds
// are OFD packages the test writer makes, which the fuzzer damages.
func FuzzOFD(f *testing.F) {
	f.Add(ofdtest.Write([]string{"第一篇:讲话", "各单位要在6月底前完成任务。"}, ofdtest.Options{Indent: 2, PageNumber: true}))
	f.Add(ofdtest.Write([]string{"任务分工"}, ofdtest.Options{Tables: [][]string{{"序号", "工作任务"}, {"1", "完成规划"}}}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		text, err := OFD(b)
		if err == nil && strings.TrimSpace(text) == "" {
			t.Fatal("blank text without an error")
		}
	})
}
