package extract

import (
	"fmt"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzFindTimes checks that FindTimes never panics and that every node's
// span is a valid rune range holding its text.
func FuzzFindTimes(f *testing.F) {
	for _, s := range []string{
		"各级各部门要在10月底前完成任务。",
		"县委将从11月起开始分方面、分重点研究明年工作,并将于元旦后召开全委会,春节前召开人代会和政协会,及早安排部署明年工作。",
		"要认真落实各项惠民政策,及早安排搞好元旦、春节期间走访慰问送温暖活动。",
		"今冬明春是养殖业发展的关键期,要进一步落实好县委、县政府有关产业发展政策。",
		"各镇办要在今天会后起10天内,即20xx年12月底前确定好示范村。",
		"具体来说:要尽快组织人员编制项目实施方案,尽早开工建设,3月全面启动,力争在今年10月底前全面完成48个贫困村和32个非贫困村脱贫攻坚涉水项目建设任务。",
		"市级重点工程,投资3.9亿元,2月9日已完成资格预审开标,2月13日召开廊桥审查会,预计在3月上旬完成招标,3月份开工建设。",
		"现在,已经是10月末了,各级工会要扎实做好后两个月的工作,确保全年各项目标任务的圆满完成。",
		"我们要全心投入、全力以赴,紧扣目标,奋战70天,打好攻坚战。",
		"从本学期开始,我们抓德育工作要像抓高考抓升学那样的劲头。",
		"今年的教师节,教育局将对100名教师进行表彰。",
		"通过各方面的努力,力争到今年上半年,58个贫困县每县至少有一个乡或村同省外结成帮扶对子。",
		"要利用秋冬农闲时节,组织群众抓好农田水利基本建设。",
		"5月底争取达到80%,6月底全面完成。",
		"從今天起,各級工商部門年報工作牽頭單位負責人,每天上班要了解年報進度。",
		"组织高考前学习心理调适专题讲座。",
		"确保工程10月底前建成使用,预计104 年底通车营运。",
		"力争在两三年内打开新的局面,用3-5年时间实现翻番。",
		"请于下周一之前将名单报镇民政办公室,截至11.30前不晚于12月10日。",
		"二〇二一年十二月三十一日以前,民国104年底,202_年2月20日,20XX年3月至5月。",
		"每月底前报送一次,一周一检查、一月一督查通报、全年一票否决。",
		"第三天起过两天半年后两年半内15个工作日内今明两年。",
	} {
		f.Add(s)
	}
	refs := []Date{{}, {2009, time.October, 30}, {2021, time.September, 2}, {1900, time.January, 1}, {2100, time.December, 31}}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		n := utf8.RuneCountInString(s)
		rs := []rune(s)
		for _, ref := range refs {
			for _, tn := range FindTimes(s, ref) {
				if tn.Span.Start < 0 || tn.Span.End > n || tn.Span.Start >= tn.Span.End {
					t.Fatalf("FindTimes(%q): bad span %v", s, tn.Span)
				}
				if string(rs[tn.Span.Start:tn.Span.End]) != tn.Text {
					t.Fatalf("FindTimes(%q): span %v holds %q, text %q", s, tn.Span, string(rs[tn.Span.Start:tn.Span.End]), tn.Text)
				}
			}
			ParseTime(s, ref)
		}
	})
}

// FuzzMayStart checks that no time phrase starts where mayStart reports
// false, and that FindTimes finds with the shortcut what it finds without.
func FuzzMayStart(f *testing.F) {
	for _, s := range mayStartCases() {
		f.Add(s)
	}
	ref := Date{2021, time.September, 1}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if i := phraseAtSkipped(s, ref); i >= 0 {
			t.Fatalf("mayStart skips a phrase at %d of %q", i, s)
		}
		fast, slow := findTimes(s, ref, true), findTimes(s, ref, false)
		if fmt.Sprint(fast) != fmt.Sprint(slow) {
			t.Fatalf("start shortcut changes %q:\n got %v\nwant %v", s, fast, slow)
		}
	})
}
