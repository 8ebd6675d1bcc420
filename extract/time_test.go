package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// timeForm is one supported form of time expression, resolved by
// ParseTime against ref. The table is the catalogue of time forms in the README.
type timeForm struct {
	form  string // what the row shows
	rule  string // the guide rule (section "Time node" unless said)
	in    string
	ref   string
	due   string
	start string
}

// Most rows resolve against the date of the speech 004_ff…#1 (2009-10-30).
const formRef = "2009-10-30"

var timeForms = []timeForm{
	// Days.
	{"full date", "a day -> that day", "2009年10月30日", formRef, "2009-10-30", ""},
	{"ISO date", "a day -> that day", "2009-12-01", formRef, "2009-12-01", ""},
	{"Chinese numerals", "a day -> that day", "二〇二一年十二月三十一日", formRef, "2021-12-31", ""},
	{"month and day, no year", "year rule: ref's year", "11月30日", formRef, "2009-11-30", ""},
	{"month and day, over 31 days past", "year rule: next year", "三月十五日", formRef, "2010-03-15", ""},
	{"元月", "year rule", "元月10日", formRef, "2010-01-10", ""},
	{"dotted date before 前", "a day -> that day", "11.30前", formRef, "2009-11-30", ""},
	{"day before 前", "a day -> that day (3月15日前)", "12月15日前", formRef, "2009-12-15", ""},
	{"截至 / 不晚于", "a day -> that day", "不晚于12月10日", formRef, "2009-12-10", ""},
	{"左右", "a day -> that day", "11月20日左右", formRef, "2009-11-20", ""},
	{"next week's weekday", "a day -> that day (下周一之前)", "下周一之前", formRef, "2009-11-02", ""},
	{"tomorrow", "a day -> that day", "明天", formRef, "2009-10-31", ""},
	{"next day", "a day -> that day", "次日", formRef, "2009-10-31", ""},
	{"day of the current month", "year rule", "15号前", "2009-10-10", "2009-10-15", ""},
	// Periods.
	{"month end", "a period -> its last day (10月底前)", "十月底前", formRef, "2009-10-31", ""},
	{"month", "a period -> its last day", "12月", formRef, "2009-12-31", ""},
	{"上旬", "a period -> its last day", "3月上旬", formRef, "2010-03-10", ""},
	{"中旬", "a period -> its last day", "11月中旬", formRef, "2009-11-20", ""},
	{"下旬 of this month", "a period -> its last day", "下旬", formRef, "2009-10-31", ""},
	{"月底 with no month", "a period -> its last day", "月底前", formRef, "2009-10-31", ""},
	{"本月底", "a period -> its last day", "本月底", formRef, "2009-10-31", ""},
	{"下个月", "a period -> its last day", "下个月15号", formRef, "2009-11-15", ""},
	{"year end", "a period -> its last day (年底)", "年底", formRef, "2009-12-31", ""},
	{"年末 / 年终 / 年末岁尾", "a period -> its last day", "年末岁尾", formRef, "2009-12-31", ""},
	{"年内", "a period -> its last day", "年内", formRef, "2009-12-31", ""},
	{"全年", "a period -> its last day", "全年", formRef, "2009-12-31", ""},
	{"this year", "a period -> its last day (今年)", "今年", formRef, "2009-12-31", ""},
	{"next year", "a period -> its last day (明年)", "明年", formRef, "2010-12-31", ""},
	{"来年", "a period -> its last day", "来年", formRef, "2010-12-31", ""},
	{"year with 前", "a period -> its last day", "2012年底前", formRef, "2012-12-31", ""},
	{"a distant year", "a period -> its last day (years read as written)", "2300年", formRef, "2300-12-31", ""},
	{"half year", "a period -> its last day (上半年)", "明年上半年", formRef, "2010-06-30", ""},
	{"下半年", "a period -> its last day", "下半年", formRef, "2009-12-31", ""},
	{"quarter", "a period -> its last day (第四季度)", "第四季度", formRef, "2009-12-31", ""},
	{"quarter, short", "a period -> its last day", "四季度", formRef, "2009-12-31", ""},
	{"quarter end", "a period -> its last day", "明年一季度末", formRef, "2010-03-31", ""},
	{"last months of the year", "a period -> its last day (后两个月)", "后两个月", formRef, "2009-12-31", ""},
	{"week of a month", "a period -> its last day", "12月第2周", formRef, "2009-12-20", ""},
	{"next week", "a period -> its last day", "下周", formRef, "2009-11-08", ""},
	{"winter and next spring", "a period -> its last day (spring ends May 31)", "今冬明春", formRef, "2010-05-31", ""},
	{"autumn and winter", "a period -> its last day (winter ends with February)", "秋冬农闲时节", "2009-12-01", "2010-02-28", ""},
	{"season", "a period -> its last day (meteorological seasons)", "明年春季", formRef, "2010-05-31", ""},
	{"this term", "a period -> its last day (autumn term to January 15)", "本学期", formRef, "2010-01-15", ""},
	{"寒假前", "a festival -> the day before (winter holiday from January 16)", "寒假前", formRef, "2010-01-15", ""},
	{"暑假前", "a festival -> the day before (summer holiday from July 11)", "暑假前", formRef, "2010-07-10", ""},
	{"开学前", "a festival -> the day before (terms start September 1 and March 1)", "开学前", "2011-08-25", "2011-08-31", ""},
	{"a season's 开学", "a festival -> the day before (the autumn term starts September 1)", "秋季开学前", "2021-06-14", "2021-08-31", ""},
	{"a season's term 开学后", "X后 -> start the day after X (the spring term starts March 1; year rule)", "春季学期开学后", "2021-06-14", "", "2022-03-02"},
	{"anonymised year", "year rule: 20xx年 takes ref's year", "20xx年底", formRef, "2009-12-31", ""},
	{"anonymised year, month past", "year rule", "202_年6月", formRef, "2010-06-30", ""},
	{"anonymised year, capitals", "year rule", "20XX年12月", formRef, "2009-12-31", ""},
	{"ROC year", "ROC years are the year plus 1911", "民国104年底", formRef, "2015-12-31", ""},
	{"bare ROC year in a Taiwan text", "ROC years are the year plus 1911", "104年底", formRef, "2015-12-31", ""},
	{"年前", "年前 is the calendar year's end", "年前", formRef, "2009-12-31", ""},
	// Festivals.
	{"Spring Festival", "a festival -> the day before (lunar)", "春节前", formRef, "2010-02-13", ""},
	{"New Year's Day", "a festival -> the day before", "元旦前", formRef, "2009-12-31", ""},
	{"Lantern Festival", "a festival -> the day before (lunar)", "元宵节前", formRef, "2010-02-27", ""},
	{"Qingming", "a festival -> the day before (solar term)", "清明前", formRef, "2010-04-04", ""},
	{"五一", "a festival -> the day before", "五一前", formRef, "2010-04-30", ""},
	{"Dragon Boat", "a festival -> the day before (lunar)", "端午节前", formRef, "2010-06-15", ""},
	{"七一", "a festival -> the day before", "七一前", formRef, "2010-06-30", ""},
	{"National Day", "a festival -> the day before", "国庆前", "2009-09-01", "2009-09-30", ""},
	{"Mid-Autumn", "a festival -> the day before (lunar)", "中秋节前", "2009-09-01", "2009-10-02", ""},
	{"the festival itself", "a festival -> its day", "今年的教师节", "2011-08-25", "2011-09-10", ""},
	{"festival 前后", "a festival -> its day", "国庆前后", "2009-09-01", "2009-10-01", ""},
	{"高考", "a festival -> its last day (June 7-8)", "20xx年高考", "2021-09-15", "2022-06-08", ""},
	{"高考前", "a festival -> the day before", "高考前", "2021-09-15", "2022-06-06", ""},
	// Spans.
	{"days", "a span -> ref plus the span (10天内)", "10天内", formRef, "2009-11-09", ""},
	{"a month", "a span -> ref plus the span (一个月内)", "一个月内", formRef, "2009-11-30", ""},
	{"years", "a span -> ref plus the span (三年内)", "三年内", formRef, "2012-10-30", ""},
	{"weeks", "a span -> ref plus the span", "两周内", formRef, "2009-11-13", ""},
	{"after the meeting", "a span -> ref plus the span (会后起10天内)", "今天会后起10天内", formRef, "2009-11-09", ""},
	{"half a year", "a span -> ref plus the span", "半年内", formRef, "2010-04-30", ""},
	{"range of years", "a span -> ref plus its upper bound", "用3-5年时间", formRef, "2014-10-30", ""},
	{"working days", "a span -> ref plus the span (weekends skipped)", "15个工作日内", formRef, "2009-11-20", ""},
	{"奋战", "a span -> ref plus the span", "奋战70天", "2009-12-01", "2010-02-09", ""},
	// Starts and windows.
	{"从……起", "a start only -> start", "从11月起", formRef, "", "2009-11-01"},
	{"start verb", "a start only (3月全面启动)", "3月全面启动", formRef, "", "2010-03-01"},
	{"from today", "a start only", "从今天起", formRef, "", "2009-10-30"},
	{"after the meeting", "X后 -> the day after X", "这次会后", formRef, "", "2009-10-31"},
	{"after a festival", "X后 -> the day after X (元旦后)", "元旦后", formRef, "", "2010-01-02"},
	{"after a span", "X后 -> start", "20天后", formRef, "", "2009-11-19"},
	{"from this term", "a start only", "从本学期开始", "2011-08-25", "", "2011-09-01"},
	{"after school starts", "X后 -> the day after X", "本期开学后", "2011-08-25", "", "2011-09-02"},
	{"festival window", "a window -> start and due (元旦、春节期间)", "元旦、春节期间", "2009-12-01", "2010-02-14", "2010-01-01"},
	{"month window", "a window -> start and due (3月至5月)", "3月至5月", formRef, "2010-05-31", "2010-03-01"},
	{"day window", "a window -> start and due", "11月2日至6日", formRef, "2009-11-06", "2009-11-02"},
	{"from today to a day", "a window -> start and due", "自即日起至12月31日", formRef, "2009-12-31", "2009-10-30"},
	{"two years", "a window -> start and due", "今明两年", formRef, "2010-12-31", ""},
}

func mustDate(t testing.TB, s string) Date {
	t.Helper()
	if s == "" {
		return Date{}
	}
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParseTimeForms(t *testing.T) {
	for _, tc := range timeForms {
		t.Run(tc.in, func(t *testing.T) {
			tn, ok := ParseTime(tc.in, mustDate(t, tc.ref))
			if !ok {
				t.Fatalf("ParseTime(%q) not recognised (rule: %s)", tc.in, tc.rule)
			}
			if tn.Due.String() != tc.due || tn.Start.String() != tc.start {
				t.Errorf("ParseTime(%q, %s) = due %q start %q, want due %q start %q (rule: %s)",
					tc.in, tc.ref, tn.Due, tn.Start, tc.due, tc.start, tc.rule)
			}
			if tn.Text != tc.in {
				t.Errorf("Text = %q, want %q", tn.Text, tc.in)
			}
		})
	}
}

func TestParseTimeRefUnknown(t *testing.T) {
	for _, tc := range []struct {
		in, due, note string
	}{
		{"10月底前", "", noteRefUnknown},
		{"明年", "", noteRefUnknown},
		{"10天内", "", noteRefUnknown},
		{"2012年底前", "2012-12-31", ""},
		{"民国104年底", "2015-12-31", noteROC},
	} {
		tn, ok := ParseTime(tc.in, Date{})
		if !ok || tn.Due.String() != tc.due || !strings.Contains(tn.Note, tc.note) {
			t.Errorf("ParseTime(%q, unknown) = %+v, %v; want due %q, note with %q", tc.in, tn, ok, tc.due, tc.note)
		}
	}
}

// TestFindTimes checks phrases found in running text, and what the guide
// says is not a time node.
func TestFindTimes(t *testing.T) {
	for _, tc := range []struct {
		rule, s, ref string
		want         []string // "text=due/start"
	}{
		{"a period -> its last day", "各级各部门要在10月底前完成任务。", formRef, []string{"10月底前=2009-10-31/"}},
		{"the phrase with its trigger", "镇办要在今天会后起10天内确定示范村。", formRef, []string{"今天会后起10天内=2009-11-09/"}},
		{"到 opens a deadline", "力争到今年上半年结成帮扶对子。", "2013-03-25", []string{"到今年上半年=2013-06-30/"}},
		{"several nodes", "县委将从11月起研究明年工作,并将于元旦后召开全委会,春节前召开人代会。", "2009-12-01",
			[]string{"从11月起=/2009-11-01", "元旦后=/2010-01-02", "春节前=2010-02-13/"}},
		{"start verb and deadline", "3月全面启动,力争在10月底前全面完成。", "2021-09-02", []string{"3月全面启动=/2022-03-01", "10月底前=2021-10-31/"}},
		{"年前 tied to 春节", "春节临近,年前要发放到位。", "2009-12-01", []string{"年前=2010-02-13/"}},
		{"今年 timing a target", "今年要集中力量推进项目建设。", "2013-03-25", []string{"今年=2013-12-31/"}},
		{"not: X年是……之年", "今年是十四五的开局之年。", "2021-03-01", nil},
		{"not: a year qualifying a noun", "要研究明年的工作思路。", "2009-12-01", nil},
		{"not: a span qualifying a noun", "本计划未来4年施政重点与期程规划如下。", "2015-04-17", nil},
		{"not: a span qualifying a noun with 的", "要谋划今后三年的工作。", "2015-04-17", nil},
		{"a span with 内 is a deadline", "要在未来3年内完成改造。", "2015-04-17", []string{"未来3年内=2018-04-17/"}},
		{"anonymised year takes ref's year: it opens a clause whose subject a quantifier opens", "力争20xx年所有村卫生室达到标准。", "2019-03-01", []string{"20xx年=2019-12-31/"}},
		{"not: anonymised year naming a document", "要认真撰写20xx年工作总结。", "2019-03-01", nil},
		{"not: 春季学期 is a term, named alone it names the activity", "今年秋季学期于9月1日正式开学,各校要做好准备。", "2019-08-20", []string{"9月1日=2019-09-01/"}},
		{"a festival -> the day before it: 秋季开学前 is the eve of the autumn term's start", "秋季开学前,各校要完成校舍维修。", "2021-06-14", []string{"秋季开学前=2021-08-31/"}},
		{"X后 -> start the day after X: 春季学期开学后 follows the spring term's start, by the year rule", "春季学期开学后,各校要开展安全检查。", "2021-06-14", []string{"春季学期开学后=/2022-03-02"}},
		{"a window starts before it ends: 从X开始……到Y, the start of work under way is past", "从元旦开始,各地要在电视台滚动宣传,一直持续到6月30日。", "2021-04-20", []string{"到6月30日=2021-06-30/"}},
		{"a window starts before it ends: a start still to come keeps its year", "从11月开始,各地要开展整治,一直持续到明年1月底。", "2021-04-20", []string{"从11月开始=/2021-11-01", "到明年1月底=2022-01-31/"}},
		{"a season before 季节 stays a season", "要在今年春季完成植树任务。", "2019-01-10", []string{"今年春季=2019-05-31/"}},
		{"not: a time dating a speech referred to (qualifies a noun)", "要认真学习省委全会精神,以及年初省长在全省经济工作会上的讲话。", "2021-02-20", nil},
		{"a time after 以及 dating an event to come stays a node", "要做好防汛工作以及年底的考核。", "2021-02-20", []string{"年底=2021-12-31/"}},
		{"a festival -> the day before it: a quoted name with its trigger", "各地要在“五一”前完成排查。", "2021-03-01", []string{"“五一”前=2021-04-30/"}},
		{"a festival -> the day before it: a quoted name opening the sentence", "“十一”前,各景区要完成安全检查。", "2021-03-01", []string{"“十一”前=2021-09-30/"}},
		{"not: a quoted festival naming a spirit", "要发扬“五一”精神。", "2021-03-01", nil},
		{"not: a period naming an assessment", "要对标脱贫年度计划和年终考核。", "2021-11-05", nil},
		{"not: a year qualifying 各项工作", "确保明年各项工作实现开门红。", "2009-12-01", nil},
		{"not: 今年以来", "今年以来,全县经济运行平稳。", "2009-12-01", nil},
		{"not: a past date", "2月9日已完成资格预审开标。", "2021-09-02", nil},
		{"not: a past year", "2015年8月12日召开了会议。", "2021-06-14", nil},
		{"not: recurring", "每月底前报送一次进度,每季度初召开例会。", formRef, nil},
		{"not: recurring, a day counted from a recurring period", "各牵头单位要于每季度末5日前报送工作进展。", "2024-03-01", nil},
		{"not: vague", "当前和今后一个时期要及时、立即整改,近期限期完成。", formRef, nil},
		{"not: numbers", "新建10个站点,覆盖率达98%,1、加强领导。", formRef, nil},
		{"not: 近年来", "近年来我县发展较快。", formRef, nil},
		{"a window -> start and due: a five-year plan's period still to come", "“十三五”期间，全区要新建核桃示范园10个。", "2015-12-21", []string{"“十三五”期间=2020-12-31/2016-01-01"}},
		{"a period -> its last day: a five-year plan's end", "到十四五末，各县要建成示范区3个。", "2021-03-01", []string{"到十四五末=2025-12-31/"}},
		{"not: 十三五期间 used retrospectively", "十三五期间，全县经济快速发展。", "2021-03-01", nil},
		{"not: a plan naming a document", "要认真编制十四五规划。", "2020-03-01", nil},
		{"not: cumulative report", "虽然前三季度财政收入快速增长,但压力很大。", "2009-12-01", nil},
		{"not: frequency", "采取一周一检查、一月一督查、全年一票否决的方式。", formRef, nil},
		{"not: 今天 in passing", "今天我们在这里召开会议。", formRef, nil},
		{"not: festival as a noun", "要欢度春节,开好教师节表彰会。", formRef, nil},
		{"not: 五一 in a name", "他获得全国五一劳动奖章。", formRef, nil},
		{"ref unknown keeps the phrase", "要在10月底前完成。", "", []string{"10月底前=/"}},
		// Every form of the guide in the middle of a sentence (issue 13).
		{"a period -> its last day: quarter end", "各镇务必在第三季度末前完成验收。", "2024-04-10", []string{"第三季度末前=2024-09-30/"}},
		{"a window -> start and due: 自即日起至", "自即日起至6月30日,全县开展安全生产大检查。", "2024-04-10", []string{"自即日起至6月30日=2024-06-30/2024-04-10"}},
		{"a window -> start and due: 从……起到", "从5月起到年底前,各乡镇要集中整治。", "2024-04-10", []string{"从5月起到年底前=2024-12-31/2024-05-01"}},
		{"a window -> start and due: day range", "请各单位于5月3日至6月10日报送材料。", "2024-04-10", []string{"5月3日至6月10日=2024-06-10/2024-05-03"}},
		{"year rule: a day range past is next year's", "请各单位于1月3日至2月10日报送材料。", "2024-04-10", []string{"1月3日至2月10日=2025-02-10/2025-01-03"}},
		{"X后 -> start: N年后", "三年后,各县要全面建成示范区。", "2024-04-10", []string{"三年后=/2027-04-10"}},
		{"a period -> its last day: season", "各校要在夏季汛期前完成排查。", "2024-04-10", []string{"夏季=2024-08-31/"}},
		{"year rule: ref's year", "请各单位在5月5日前报送。", "2024-04-10", []string{"5月5日前=2024-05-05/"}},
		{"year rule: more than 31 days past is next year's", "请各单位在2月5日前报送。", "2024-04-10", []string{"2月5日前=2025-02-05/"}},
		{"a full year is read as written", "各部门要在2300年前完成。", "2024-04-10", []string{"2300年前=2300-12-31/"}},
		{"a span -> ref plus the span: 在……完成", "各部门要在五个工作日完成整改。", "2024-04-10", []string{"五个工作日=2024-04-17/"}},
		{"a day -> that day: 在今天完成", "各部门要在今天完成报送。", "2024-04-10", []string{"今天=2024-04-10/"}},
		{"not: 后 opening a word", "学校要做好高考后勤保障工作。", "2021-03-10", nil},
		{"not: a period naming an appraisal", "结合年中评议、年终民主评议情况进行考核。", "2010-02-20", nil},
		{"not: how things go (V得)", "要改变会上说得凶、会后抓得松的状况。", "2010-02-20", nil},
		{"a start only: 今年……要全面启动", "今年我们要全面启动创建工作。", "2021-02-25", []string{"今年=/2021-01-01"}},
		{"not: a start long past", "从去年3月起全面推行。", "2021-02-25", nil},
		{"ROC years are the year plus 1911: 预计 before a bare year", "预计 112 年全线完工通车。", "2015-04-17", []string{"112 年=2023-12-31/"}},
		{"ROC years are the year plus 1911: a bare year with 起", "预计110年起陆续完工通车。", "2015-04-17", []string{"110年起=/2021-01-01"}},
		{"year rule: an anonymised year opening its clause", "20xx年,全市学校网络带宽要达到100M。", "2016-04-20", []string{"20xx年=2016-12-31/"}},
		{"not: an anonymised year naming a document", "各单位要报送20xx年工作总结。", "2016-04-20", nil},
		{"not: a duration set as a goal", "各部门要将审批时限压缩至5个工作日以内。", "2024-04-10", nil},
		{"not: a duration set as a goal, the cut verb before its object", "各地要压缩企业开办时间至1个工作日以内。", "2024-04-10", nil},
		{"a span after 在 with no cut verb is a time node", "各地要减少会议，在10天内完成整改。", "2024-04-10", []string{"10天内=2024-04-20/"}},
		{"not: a span that bounds a meeting", "发言时间控制在10天以内。", "2024-04-10", nil},
		{"not: a year qualifying a noun: inside a document's title", "各乡镇要尽快编制《某县2024年农田水利建设方案》。", "2024-04-10", nil},
		{"not: a year qualifying a noun: a title with its own deadline", "请于5月5日前报送《关于春节前安全检查的报告》。", "2024-04-10", []string{"5月5日前=2024-05-05/"}},
		{"not: an anonymised year naming a plan (务 of 政务)", "各单位要制定20xx年政务公开计划。", "2016-04-20", nil},
		{"a span -> ref plus the span: 翻番 sets the goal", "全县要力争五年翻番。", "2024-04-10", []string{"五年=2029-04-10/"}},
		{"not: a span inside a slogan", "要为全县五年翻番、跨越发展提供有力保障。", "2024-04-10", nil},
		{"not: dates of past events: a run of them", "5月6日已完成立项,5月20日召开专家评审会。", "2024-04-10", nil},
		{"not: dates of past events: the run ends at 将", "5月6日已完成立项,5月20日将召开专家评审会。", "2024-04-10", []string{"5月20日=2024-05-20/"}},
		{"a day -> that day: after a clause not in the past", "立项工作准备就绪,5月20日召开专家评审会。", "2024-04-10", []string{"5月20日=2024-05-20/"}},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			var ref Date
			if tc.ref != "" {
				ref = mustDate(t, tc.ref)
			}
			var got []string
			rs := []rune(tc.s)
			for _, tn := range FindTimes(tc.s, ref) {
				got = append(got, fmt.Sprintf("%s=%s/%s", tn.Text, tn.Due, tn.Start))
				if string(rs[tn.Span.Start:tn.Span.End]) != tn.Text {
					t.Errorf("span %v is %q, not %q", tn.Span, string(rs[tn.Span.Start:tn.Span.End]), tn.Text)
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("FindTimes(%q, %s)\n got %q\nwant %q", tc.s, tc.ref, got, tc.want)
			}
		})
	}
}

// TestSpringFestival checks the lunar calendar against JioNLP's table of
// Spring Festival dates and a few known dates at the ends of the range.
func TestSpringFestival(t *testing.T) {
	f, err := os.Open("../testdata/conformance/spring_festival_dates.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[int]string{
		1950: "1950-02-17", 1980: "1980-02-16", 2000: "2000-02-05",
		2033: "2033-01-31", 2100: "2100-02-09",
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var c struct {
			Year           int    `json:"year"`
			SpringFestival string `json:"spring_festival"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		want[c.Year] = c.SpringFestival
	}
	if len(want) < 60 {
		t.Fatalf("read %d years, want the whole file", len(want))
	}
	for y, w := range want {
		if d, ok := SpringFestival(y); !ok || d.String() != w {
			t.Errorf("SpringFestival(%d) = %s, %v; want %s", y, d, ok, w)
		}
	}
	// Other lunar festivals, known dates.
	for _, tc := range []struct{ in, ref, due string }{
		{"2020年端午节", "2020-01-01", "2020-06-25"},
		{"2021年中秋节", "2021-01-01", "2021-09-21"},
		{"2012年农历正月十五", "2012-01-01", "2012-02-06"},
		{"2023年大年三十", "2023-01-01", "2024-02-09"},
		{"2025年春分", "2025-01-01", "2025-03-20"},
		{"2024年清明", "2024-01-01", "2024-04-04"},
	} {
		if tn, ok := ParseTime(tc.in, mustDate(t, tc.ref)); !ok || tn.Due.String() != tc.due {
			t.Errorf("ParseTime(%q) = %s, %v; want %s", tc.in, tn.Due, ok, tc.due)
		}
	}
}

// festivalDigest resolves every lunar festival of 1950-2100 and a few
// phrases; its result must not depend on the machine's time zone.
func festivalDigest() string {
	var b strings.Builder
	for y := 1950; y <= 2100; y++ {
		for _, name := range []string{"春节", "元宵", "端午", "中秋", "除夕", "清明"} {
			lo, _, ok := festivals[name].days(y)
			fmt.Fprintf(&b, "%d%s%s%v ", y, name, lo, ok)
		}
	}
	ref := Date{2009, time.October, 30}
	for _, tc := range timeForms {
		tn, _ := ParseTime(tc.in, ref)
		fmt.Fprintf(&b, "%s=%s/%s ", tc.in, tn.Due, tn.Start)
	}
	return b.String()
}

const tzChildEnv = "SPEECHLEDGER_TZ_CHILD"

// TestFestivalTimeZones runs festivalDigest in child processes under
// TZ=UTC, Asia/Shanghai and America/Los_Angeles and requires identical
// results (issue 3: "correctness that does not depend on the machine").
func TestFestivalTimeZones(t *testing.T) {
	if os.Getenv(tzChildEnv) != "" {
		fmt.Print("DIGEST:" + festivalDigest() + ":END")
		return
	}
	var first string
	for _, tz := range []string{"UTC", "Asia/Shanghai", "America/Los_Angeles"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFestivalTimeZones$", "-test.count=1")
		cmd.Env = append(os.Environ(), "TZ="+tz, tzChildEnv+"=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("TZ=%s: %v\n%s", tz, err, out)
		}
		s := string(out)
		i, j := strings.Index(s, "DIGEST:"), strings.Index(s, ":END")
		if i < 0 || j < i {
			t.Fatalf("TZ=%s: no digest in output:\n%s", tz, out)
		}
		d := s[i:j]
		if first == "" {
			first = d
		} else if d != first {
			t.Errorf("TZ=%s gives different festival dates than TZ=UTC", tz)
		}
	}
	// In-process too: time.Local must not matter.
	saved := time.Local
	defer func() { time.Local = saved }()
	for _, tz := range []string{"UTC", "Asia/Shanghai", "America/Los_Angeles"} {
		loc, err := time.LoadLocation(tz)
		if err != nil {
			t.Fatal(err)
		}
		time.Local = loc
		if d := "DIGEST:" + festivalDigest(); d != first {
			t.Errorf("time.Local=%s gives different festival dates", tz)
		}
	}
}

// TestTimeFormsDoc checks the README's time forms are generated from timeForms;
// run with -update (the package's golden-file flag) to regenerate it.
func TestTimeFormsDoc(t *testing.T) {
	var b strings.Builder
	b.WriteString("The time expressions `extract.FindTimes` recognises in a task sentence, one\n")
	b.WriteString("line per form: an example, the reference date (the meeting date) it is\n")
	b.WriteString("resolved against, and the resolution, following the annotation guide's\n")
	b.WriteString("section \"Time node\". Generated from `timeForms` in extract/time_test.go\n")
	b.WriteString("(`go test ./extract -run TestTimeFormsDoc -update`).\n\n")
	b.WriteString("Conventions where the guide is silent: seasons are meteorological (spring\n")
	b.WriteString("March-May, winter December-February); the autumn term runs September 1 to\n")
	b.WriteString("January 15, the spring term February 16 to July 10; the winter holiday\n")
	b.WriteString("starts January 16, the summer holiday July 11; 高考 is June 7-8; weeks run\n")
	b.WriteString("Monday to Sunday; 年底 covers November-December, 月底 the 25th to the\n")
	b.WriteString("month's end; a half month is 15 days. Lunar festivals come from the lunar\n")
	b.WriteString("tables of github.com/golang-module/carbon (1900-2100), reckoned in China\n")
	b.WriteString("time whatever the machine's zone.\n\n")
	b.WriteString("| form | example | rule | ref | due | start |\n|---|---|---|---|---|---|\n")
	for _, f := range timeForms {
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s | %s |\n", f.form, f.in, f.rule, f.ref, dash(f.due), dash(f.start))
	}
	b.WriteString("\nNot time nodes (FindTimes leaves them out): dates of past events\n")
	b.WriteString("(`2月9日已完成`, anything due before the meeting), `今年以来`, `近年来`,\n")
	b.WriteString("recurring times (`每月`, `每季度初`, `一月一督查`), vague ones (`当前`,\n")
	b.WriteString("`近期`, `今后`, `及时`, `立即`, `限期`), `X年是……之年`, a year that only\n")
	b.WriteString("qualifies a noun (`明年的工作思路`), `今天` said in passing, festivals and\n")
	b.WriteString("terms named as activities (`欢度春节`, `新学期教育教学工作`), and numbers\n")
	b.WriteString("that are not dates (`10个`, `98%`, `1、`).\n")

	// The catalogue lives in the README between two markers.
	const begin, end = "<!-- time-forms:begin -->\n", "<!-- time-forms:end -->"
	path := filepath.Join("..", "README.md")
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i, j := strings.Index(string(readme), begin), strings.Index(string(readme), end)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q … %q section", path, begin, end)
	}
	cur := string(readme[i+len(begin) : j])
	if *update {
		out := string(readme[:i+len(begin)]) + b.String() + string(readme[j:])
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if cur != b.String() {
		t.Errorf("the time forms in %s are out of date; run go test ./extract -run TestTimeFormsDoc -update", path)
	}
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// seedSentences splits the seed texts into rough sentences.
func seedSentences(tb testing.TB) []string {
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seeds: %v", err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, strings.FieldsFunc(string(b), func(r rune) bool {
			return strings.ContainsRune("。！？；!?;\n", r)
		})...)
	}
	return out
}

func BenchmarkFindTimes(b *testing.B) {
	ss := seedSentences(b)
	ref := Date{2021, time.September, 1}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range ss {
			FindTimes(s, ref)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ss)), "ns/sentence")
}

// TestStartRunes checks that skipping positions whose rune cannot start a
// time phrase changes nothing on the seed texts and the table of forms.
func TestStartRunes(t *testing.T) {
	ss := append(seedSentences(t), func() []string {
		var in []string
		for _, f := range timeForms {
			in = append(in, "要在"+f.in+"完成")
		}
		return in
	}()...)
	ref := Date{2021, time.September, 1}
	for _, s := range ss {
		fast, slow := findTimes(s, ref, true), findTimes(s, ref, false)
		if fmt.Sprint(fast) != fmt.Sprint(slow) {
			t.Errorf("start-rune shortcut changes %q:\n got %v\nwant %v", s, fast, slow)
		}
	}
}

// phraseAtSkipped returns the first position of s where mayStart reports
// false and yet a time phrase starts, or -1.
func phraseAtSkipped(s string, ref Date) int {
	p := newParser(s, ref)
	p.springCtx = strings.Contains(s, "春节") || strings.Contains(s, "过年")
	for i := range p.rs {
		if p.mayStart(i) {
			continue
		}
		if m, ok := p.phrase(i); ok && m.end > i {
			return i
		}
	}
	return -1
}

// mayStartCases are sentences with the runes of startWords in and out of
// their words, and of the time forms.
func mayStartCases() []string {
	ss := []string{
		"要在今后三年内完成,在今年底前建成,在明年春节前发放。",
		"不晚于10月底,不得晚于年底,不再拖延。",
		"民国104年底通车,人民群众满意,民國九十年。",
		"大年初一值班,大后天开会,大后年建成,大前年开工,大干100天,大力推进。",
		"会后10天内上报,会议结束后三天,会上强调,会后起开始。",
		"农历八月十五,农历正月初一,农村工作,农闲时节。",
	}
	for _, f := range timeForms {
		for r := range startWords {
			ss = append(ss, "要"+string(r)+f.in+"完成", string(r)+f.in)
		}
	}
	return ss
}

// TestMayStart checks that no time phrase starts where mayStart reports
// false, on the seeds' sentences and on mayStartCases.
func TestMayStart(t *testing.T) {
	for _, s := range append(seedSentences(t), mayStartCases()...) {
		for _, ref := range []Date{{}, {2021, time.September, 1}} {
			if i := phraseAtSkipped(s, ref); i >= 0 {
				t.Errorf("mayStart skips a phrase at %d of %q", i, s)
			}
		}
	}
}

// TestCNDigits checks isCNDigit against cnDigits.
func TestCNDigits(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		if got, want := isCNDigit(r), strings.ContainsRune(cnDigits, r); got != want {
			t.Errorf("isCNDigit(%q) = %v, want %v", r, got, want)
		}
	}
}

// TestNumShortcuts checks the parser's number reading against ParseNumber,
// which it avoids: every run of one to five digits, and every numeral of
// one or two Chinese numeral characters.
func TestNumShortcuts(t *testing.T) {
	ref := NewDate(2021, 9, 1)
	for n := 1; n <= 5; n++ {
		for v := range int(math.Pow10(n)) {
			s := fmt.Sprintf("%0*d", n, v)
			got, end, ok := newParser(s+"年", ref).num(0)
			want, _ := ParseNumber(s)
			if !ok || end != n || got != int(want) {
				t.Fatalf("num(%q) = %d, %d, %v; want %v", s, got, end, ok, want)
			}
		}
	}
	cs := []rune(cnDigits + "十百千")
	for _, a := range cs {
		check := func(w []rune) {
			got, gotOK := shortCNNumeral(w)
			want, wantOK := cnNumeralValue(w)
			if got != want || gotOK != wantOK {
				t.Fatalf("shortCNNumeral(%q) = %d, %v; want %d, %v", string(w), got, gotOK, want, wantOK)
			}
		}
		check([]rune{a})
		for _, b := range cs {
			check([]rune{a, b})
		}
	}
}
