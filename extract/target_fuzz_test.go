package extract

import (
	"testing"
	"unicode/utf8"
)

// FuzzFindTargets checks that FindTargets never panics, that spans lie
// within the sentence and that each target's text is what its span covers.
func FuzzFindTargets(f *testing.F) {
	for _, s := range []string{
		"确保贫困地区农民收入增速高于全省平均水平两个百分点,达到15%以上,实现五年翻番。",
		"力争到今年上半年,58个贫困县每县至少有一个乡或村同省外结成帮扶对子。",
		"今年,全区的任务就是完成2204户、4850人脱贫,各镇街、各部门要理清各自的目标任务。",
		"必须建好六有平台,今年检查验收要首先在电脑中看,误差率2%以内。",
		"每个村(社区)发展2—3个马上能见效、能增收、能脱贫的“短、平、快”产业。",
		"力争每年打造2个经济组织、20户以上示范户,确保户均年收入3万元以上、人均年收入8000元以上。",
		"每月要开展一次以上“抓、转、促”问题专项清理。",
		"组织两三次学生的动员表彰会,组织两次誓师大会。",
		"确保年内l20亿元双联惠农贷款落实到位。",
		"城镇新增就业1100万人以上,城镇调查失业率5.5%左右,城镇登记失业率4.5%以内;",
		"国内生产总值增长6%-6.5%;",
		"中小学生机比要达到10:1,党组织组建率达100。",
		"加快推进算力基础设施项目建设,新建5G基站1万个。",
		"要在超额实现3月底企业年报率突破20%的基础上,再接再厲,争取4月底达到50%。",
		"工会要认真履行第一知情人、第一报告人“四个第一人”的职责,十三五期间建好八大民生工程。",
		"覆盖率要提高到百分之九十五,九成以上农户参保,三分之一以上。",
		"1.2万 3千 二〇二一年 廿二日 约 27.8 公里",
		"0以内㣀", // once read past the end of the sentence
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		rs := []rune(s)
		for _, tg := range FindTargets(s) {
			sp := tg.Span
			if sp.Start < 0 || sp.End > len(rs) || sp.Start >= sp.End {
				t.Fatalf("FindTargets(%q): span %v out of bounds (len %d)", s, sp, len(rs))
			}
			if string(rs[sp.Start:sp.End]) != tg.Text {
				t.Fatalf("FindTargets(%q): text %q, span covers %q", s, tg.Text, string(rs[sp.Start:sp.End]))
			}
			_ = tg.String()
		}
	})
}
