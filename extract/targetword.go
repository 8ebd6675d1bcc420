package extract

// This file holds the words the target rules read around a number: units,
// comparators, and the words that make a number something other than a
// goal (a date, an ordinal, a past statistic, a slogan's count).

// measureUnits are units of measure: what they measure is usually named
// before the number (签约率达到98%, 户均年收入3万元). Guide: "unit".
var measureUnits = []string{
	"个百分点", "百分点", "%", "‰",
	"美元", "元",
	"平方公里", "平方千米", "平方米", "立方米", "公里", "千米", "米",
	"公顷", "亩", "吨", "千克", "公斤", "斤", "毫米", "厘米", "毫克", "毫升", "升", "克",
	"千瓦时", "度电", "千瓦", "兆瓦", "千伏",
	"倍", "分钟", "秒", "学时", "课时", "学分",
	"人次", "户次", "辆次", "架次", "标箱",
}

// countUnits are classifiers: what they count usually follows them
// (48个贫困村, 100名教师). Guide: "unit", `48个贫困村`.
var countUnits = []string{
	"个", "家", "所", "座", "条", "项", "次", "场", "期", "门", "件",
	"台", "辆", "套", "间", "张", "册", "部", "处", "棵", "株", "头",
	"袋", "箱", "盏", "眼", "根", "尾", "枚",
	"只", "篇", "份", "名", "位", "人", "户", "村", "镇", "乡", "县", "市",
	"区", "支", "队", "轮", "栋", "幢", "口", "艘", "架", "对",
	"趟", "分",
}

// latinUnits are units written in Latin letters. Any other letter right
// after a number makes it part of a name or a grade (5G, 5A, 20xx).
var latinUnits = []string{"Eflops", "EFLOPS", "Pflops", "PFLOPS", "kWh", "MW", "GW", "kW", "km", "kg", "TB", "PB", "Gbps", "Mbps", "M", "m"}

// nonTargetUnits after a number make it part of a date, a time or a duration,
// which the time module finds (guide: "Not: … dates"), or of a name:
// 十九大, 三大攻坚战, 5A级, 四星级, 一线.
var nonTargetUnits = []string{
	"个多月", "个工作日", "个小时", "个星期", "个季度", "个年头", "个月", "个周",
	"年", "月", "日", "号", "时", "点", "天", "周", "星期", "季度", "季", "旬",
	"世纪", "小时", "岁", "届", "代", "后", "前", "期间", "夜", "晚",
	"大", "级", "星", "化", "型", "维", "线", "档", "手", "把", "票", "刻",
	"楼", "层", "中全会", "分之",
}

// durationUnits are the units of a duration. A duration is a time node
// (10天内) unless a word that sets a goal bounds it: 办理时限压缩至1个工作日以内
// sets a target (issue 13).
var durationUnits = []string{
	"个多月", "个工作日", "个小时", "个星期", "个季度", "个月", "个周",
	"工作日", "小时", "星期", "季度", "天", "周", "旬",
}

// durationGoals are the words that make a duration after them a goal:
// the time a procedure may take is cut or capped.
var durationGoals = []string{
	"压缩至", "压缩到", "压减至", "压减到", "缩短至", "缩短到", "缩减至", "缩减到",
	"减少至", "减少到", "控制在", "不超过", "不多于", "降至", "降到", "降低至", "降低到",
}

// cutVerbs cut or cap what they govern; with their object between them
// and 至 (压缩企业开办时间至1个工作日以内) they set a goal as durationGoals do.
var cutVerbs = []string{"压缩", "压减", "缩短", "缩减", "减少", "降低", "控制"}

// leftBlockers directly before a number make it an ordinal, a date part, a
// rate denominator or a summary count, not a target: 第一, 周一, 初五,
// 每10万人, 之一, 逐一, 前三季度, 等两个会议, 这三项.
var leftBlockers = []string{
	"第", "每", "周", "初", "其", "之", "逐", "统", "唯", "同", "单", "前", "后",
	"这", "那", "哪", "某", "等", "星期", "礼拜", "腊月", "正月", "述", "列",
	"现行", "现有", "原有", "目前",
}

// A comparator word and the comparison it makes. Guide: "cmp".
type cmpWord struct {
	word, cmp string
}

// leftCmps are comparators written before the number, longest first.
var leftCmps = []cmpWord{
	{"不得少于", CmpAtLeast}, {"不得低于", CmpAtLeast}, {"不应少于", CmpAtLeast},
	{"不应低于", CmpAtLeast}, {"不能少于", CmpAtLeast}, {"不能低于", CmpAtLeast},
	{"不得超过", CmpAtMost}, {"不得高于", CmpAtMost}, {"不得多于", CmpAtMost},
	{"不应超过", CmpAtMost}, {"不能超过", CmpAtMost},
	{"不少于", CmpAtLeast}, {"不低于", CmpAtLeast}, {"不小于", CmpAtLeast},
	{"提高到", CmpAtLeast}, {"提高至", CmpAtLeast}, {"提升到", CmpAtLeast},
	{"提升至", CmpAtLeast}, {"增加到", CmpAtLeast}, {"增加至", CmpAtLeast},
	{"上升到", CmpAtLeast}, {"增长到", CmpAtLeast},
	{"不超过", CmpAtMost}, {"不高于", CmpAtMost}, {"不多于", CmpAtMost},
	{"不大于", CmpAtMost}, {"控制在", CmpAtMost}, {"控制到", CmpAtMost},
	{"下降到", CmpAtMost}, {"下降至", CmpAtMost}, {"压减到", CmpAtMost},
	{"压缩到", CmpAtMost}, {"压缩至", CmpAtMost}, {"减少到", CmpAtMost},
	{"降低到", CmpAtMost}, {"降低至", CmpAtMost},
	{"至少", CmpAtLeast}, {"最少", CmpAtLeast}, {"达到", CmpAtLeast},
	{"超过", CmpAtLeast}, {"突破", CmpAtLeast}, {"高于", CmpAtLeast},
	{"多于", CmpAtLeast}, {"大于", CmpAtLeast}, {"达", CmpAtLeast},
	{"低于", CmpAtMost}, {"少于", CmpAtMost}, {"小于", CmpAtMost},
	{"降至", CmpAtMost}, {"降到", CmpAtMost}, {"最多", CmpAtMost},
	{"大约", CmpAbout}, {"将近", CmpAbout}, {"接近", CmpAbout}, {"约", CmpAbout},
	{"近", CmpAbout},
}

// rightCmps are comparators written after the number and its unit.
var rightCmps = []cmpWord{
	{"及以上", CmpAtLeast}, {"以上", CmpAtLeast},
	{"及以下", CmpAtMost}, {"以下", CmpAtMost}, {"以内", CmpAtMost}, {"之内", CmpAtMost},
	{"左右", CmpAbout}, {"上下", CmpAbout},
}

// adverbCmps may stand a few characters before the number, with a verb
// between: 至少打造2个示范村.
var adverbCmps = []cmpWord{{"至少", CmpAtLeast}, {"最少", CmpAtLeast}, {"最多", CmpAtMost}}

// pastStatMarkers in the clause of a number make it a statistic of work done
// (guide: "Not: … past statistics").
var pastStatMarkers = newLiterals([]string{"已", "截至", "截止", "以来", "年来", "共有", "评出", "曾经", "过去", "历来", "尚有", "还有", "累计完成了"})

// lastYearMarkers make a number a past statistic unless the clause sets a
// goal against last year (今年要比去年增长10%).
var lastYearMarkers = newLiterals([]string{"去年", "上年", "前年", "往年", "同比", "上一年"})

// goalMarkers show that a clause sets a goal.
var goalMarkers = newLiterals([]string{"要", "力争", "确保", "争取", "将", "计划", "预计", "目标", "今年", "明年", "拟", "必须", "务必"})

// referenceVerbs introduce a standard that the work is measured against,
// not a goal: 对照贫困户退出4条标准.
var referenceVerbs = newLiterals([]string{"对照", "对标", "按照", "依照", "参照", "根据", "依据", "遵循"})

// eventVerbs before 一次/一场 make a single event a target: 开一次培训会.
var eventVerbs = []string{"召开", "组织", "举办", "举行", "开展", "进行", "开", "办", "搞"}

// abstractHeads are what summary counts and slogans count: 两项重点任务,
// 三种关系, 三个结合, 四个全面. Guide: "Not: … numbers inside names or
// slogans".
var abstractHeads = []string{
	"任务", "工作", "方面", "关系", "问题", "原则", "要求", "意识", "作用", "目标",
	"环节", "阶段", "层面", "领域", "结合", "全面", "一律", "确保", "防止", "不准",
	"代表", "自信", "维护", "确立", "必须", "坚持", "落实", "到位", "服务", "面向",
	"统筹", "转变", "提升", "聚焦", "优先", "满意", "放心", "基本点", "中心", "字",
	"抓手", "载体", "机制", "体系", "理念", "思想", "精神", "能力", "职能", "职责",
	"责任", "措施", "举措", "办法", "步骤", "途径", "标准", "指标", "难点", "热点",
	"短板", "特点", "优势", "挑战", "机遇", "矛盾", "时期", "第一", "一", "不",
	"文章", "规定", "政策", "底线", "红线", "市场", "事", "突破", "禁令", "纪律", "准则",
	"毫不", "坚定", "统一", "攻坚战", "战略", "布局", "课题", "大事", "层次", "梯队",
}

// documentHeads are the documents a directive tells a unit to draw up,
// named by the conventions of supervision work (工作方案, 任务清单,
// 工作台账, 路线图): an abstract word before them only modifies them.
var documentHeads = []string{"方案", "清单", "台账", "路线图", "路径图", "时间表", "计划书", "报告", "手册"}

// standardHeads end the names of standards a work is measured against
// (4条退出标准, 32项创建指标): counts of them set no goal, whatever
// modifies them.
var standardHeads = []string{"标准", "指标", "要求", "原则", "条件"}

// draftingVerbs tell a unit to draw up a document: 制定3项工作方案.
var draftingVerbs = []string{"制定", "编制", "起草", "拟定", "出台", "形成"}

// abstractModifiers are stripped before looking up the head: 重点任务.
var abstractModifiers = []string{"重点", "主要", "重要", "重大", "基本", "核心", "关键", "具体"}

// objectStops end an object read after the unit.
var objectStops = []string{
	"和", "与", "及", "或", "并", "每", "都", "要", "已", "在", "进行", "以", "等",
	"如期", "实现", "完成", "帮扶", "助推", "同", "结成", "捆绑", "马上", "逐",
	"均", "分别",
	"可", "将", "由", "于", "给", "向", "对", "到", "参与", "纳入", "达到", "落实",
	"受", "得到", "开展", "的",
}

// stopLedNouns are nouns that open with an objectStops word; they do not
// end an object: 四条要求, 三个要点, 两个对象.
var stopLedNouns = []string{"要求", "要点", "要素", "要害", "对象", "对策"}

// objectCuts end what precedes an object read before the number: the
// directive words and verbs of the clause.
var objectCuts = []string{
	"要", "确保", "力争", "争取", "使", "让", "保证", "努力", "其中", "并", "将",
	"把", "实现", "就是", "全面完成", "完成", "确定的", "是", "有",
}

// rangeSeps join the ends of a range: 5—8分钟, 2-3个, 3至5家.
const rangeSeps = "—–-~～至到"

// disposalJiang are 将 before a pronoun: the 把 construction, which marks
// the object (将我的帮扶户安排在…), not the future tense of 将要.
var disposalJiang = []string{"将我", "将你", "将他", "将她", "将它", "将其", "将这", "将那", "将此"}

// reportMarkers tell of work done, and dutyMarkers of work to do,
// in reportOnly.
var (
	reportMarkers = newLiterals([]string{"已", "以来", "截至", "截止", "共有", "累计"})
	dutyMarkers   = newLiterals([]string{"应", "需", "请", "努力", "争创", "务求", "务必"})
)
