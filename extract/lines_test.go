package extract

import (
	"strings"
	"testing"
)

// Every line separator is a line feed, and a speech run together on one
// line is broken at its headings, dated line and section headings.
func TestNormalizeBreaks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"甲\r\n乙\r丙\v丁\f戊\u2028己\u2029庚\u0085辛", "甲\n乙\n丙\n丁\n戊\n己\n庚\n辛"},
		{"短标题", "短标题"},
		{
			"第一篇:张三同志在全县工作会议上的讲话张三同志在全县工作会议上的讲话(2024年3月5日)同志们:一、统一思想今年以来,各乡镇工作有了新进展。二、明确任务 县发改局要在6月底前完成规划编制。各乡镇要抓好落实。 三、强化保障各部门要加强协作,形成合力,确保各项任务按时完成。第二篇:李四同志在全县安全生产会议上的讲话各单位要在本月底前完成隐患排查。",
			"第一篇:张三同志在全县工作会议上的讲话\n张三同志在全县工作会议上的讲话\n(2024年3月5日)\n同志们:\n一、统一思想今年以来,各乡镇工作有了新进展。\n二、明确任务\n县发改局要在6月底前完成规划编制。各乡镇要抓好落实。\n三、强化保障各部门要加强协作,形成合力,确保各项任务按时完成。\n第二篇:李四同志在全县安全生产会议上的讲话\n各单位要在本月底前完成隐患排查。\n",
		},
	} {
		if got := NormalizeBreaks(tc.in); got != tc.want {
			t.Errorf("NormalizeBreaks(%q) =\n%q, want\n%q", tc.in, got, tc.want)
		}
	}
}

// FuzzHasOtherBreak checks hasOtherBreak against the set search it
// stands for, valid UTF-8 or not.
func FuzzHasOtherBreak(f *testing.F) {
	for _, s := range []string{"", "a\nb", "a\r\nb", "段\u2028落", "\u2029", "\xe2\x80", "\xc2", "x\u0085", "\xe2\xc2\x85", "“引号”\f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasOtherBreak(s), strings.ContainsAny(s, "\r\v\f\u0085\u2028\u2029"); got != want {
			t.Errorf("hasOtherBreak(%q) = %v, want %v", s, got, want)
		}
	})
}
