package extract

import (
	"strings"
	"testing"
)

// bodyCase is a speech and, for each task it gives, the task's bodies as
// "name、name"; a support body is written "+name".
type bodyCase struct {
	rule string // the guide's rule the case shows
	text []string
	want []string
}

// taskBodies runs the extractor on a speech's lines and returns each
// task's bodies, written as bodyCase.want writes them.
func taskBodies(x *Extractor, lines []string) []string {
	sp := x.Speeches("t.txt", "讲话\n"+strings.Join(lines, "\n")+"\n", Options{RefDate: NewDate(2024, 3, 1)})
	var out []string
	for _, tk := range sp[0].Tasks {
		var names []string
		for _, b := range tk.Bodies {
			n := b.Name
			if b.Role == RoleSupport {
				n = "+" + n
			}
			names = append(names, n)
		}
		out = append(out, strings.Join(names, "、"))
	}
	return out
}

func runBodyCases(t *testing.T, cases []bodyCase) {
	t.Helper()
	x := New()
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			got := taskBodies(x, c.text)
			if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
				t.Errorf("bodies of %q\n got: %q\nwant: %q", c.text, got, c.want)
			}
		})
	}
}

// Guide, "Responsible body": coordinated names are split; a parenthesis
// inside a name belongs to the name.
func TestBodyCoordinatedNamesSplit(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"及joins two names", []string{"机关及各医院要在月底前完成自查。"}, []string{"机关、各医院"}},
		{"parenthesis before a comma of the list", []string{"各街道（乡）、各科室要在5月底前报送方案。"}, []string{"各街道（乡）、各科室"}},
		{"parenthesis inside the name", []string{"各县（市、区）要在年底前建成服务中心。"}, []string{"各县（市、区）"}},
		{"parenthesis closing the name", []string{"各部门（单位）要在6月底前完成清查。"}, []string{"各部门（单位）"}},
		{"levels named together", []string{"市、区两级要在年底前建成服务站30个。"}, []string{"市、区两级"}},
		{"regions and departments", []string{"各地区和各部门要在年底前制定实施计划。"}, []string{"各地区、各部门"}},
		{"a name joined inside by 和", []string{"市人力资源和社会保障局要在年内培训2000人。"}, []string{"市人力资源和社会保障局"}},
	})
}

// Guide, "Responsible body": a field of work is not a body, even when a
// body's name qualifies it.
func TestBodyFieldOfWork(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"body name qualifying a field", []string{"工会工作要在年底前实现全覆盖。"}, []string{""}},
		{"body name qualifying a thing", []string{"全县中小学网络带宽要在2025年达到100M。"}, []string{""}},
		{"方面 after a field", []string{"职业教育方面，要在年内新建2个实训基地。"}, []string{""}},
		{"方面 after a scope word", []string{"有关方面要在3月底前拿出方案。"}, []string{"有关方面"}},
		{"the body itself", []string{"县总工会要在年底前完成换届。"}, []string{"县总工会"}},
		{"body name before 的 and a thing", []string{"各乡镇的档案资料要在暑假前完成清点。"}, []string{""}},
		{"field the dictionary tags as a name", []string{"各中学德育工作要在本学期形成3项制度。"}, []string{""}},
		{"a role after 的 is the body", []string{"各单位的主要负责人要在3月底前签订责任书。"}, []string{"各单位的主要负责人"}},
	})
}

// Guide, "Responsible body": the name is the organisation, not the clause
// that goes on after it: an adverb, or a verb with its complement or one
// that opens a predicate, ends the name.
func TestBodyNameEndsWhereTheClauseGoesOn(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"adverb after the name", []string{"请各医院积极联系患者家属委员会，在3月底前完成回访。"}, []string{"各医院"}},
		{"verb with complement", []string{"请各村党支部组织好党员，在清明前完成巡查。"}, []string{"各村党支部"}},
		{"predicate verb", []string{"各科室深入社区检查工作时，要在月底前完成记录。"}, []string{"各科室"}},
		{"a heading run into its text", []string{"3.加强学科建设，夯实教学常规全体数学教师要在月底前完成2次听课。"}, []string{"全体数学教师"}},
		{"a verb inside a name", []string{"各镇街扶贫工作站要在年内建立台账。"}, []string{"各镇街扶贫工作站"}},
		{"a description before 的", []string{"条件还不具备的乡镇要在年底前补齐短板。"}, []string{"条件还不具备的乡镇"}},
	})
}

// Guide, "Responsible body": a clause that a coverb opens (结合, 依照,
// 立足: the basis or means of the work) names no body, though a body's
// head stands in it.
func TestBodyCoverbOpensAClause(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"结合 before a head", []string{"结合单位的调整和整顿，要在年底前完成清产核资。"}, []string{""}},
		{"立足 before a head", []string{"立足学校实际，要在暑假前完成校舍排查。"}, []string{""}},
		{"the subject after the coverb's clause", []string{"依照有关规定，各医院要在月底前完成自查。"}, []string{"各医院"}},
	})
}

// Guide, "Responsible body": the bodies are those named as doing the
// task. A name after a causative (致使) or a preposition (与, 跟) is its
// object, not the subject of the directive.
func TestBodyObjectOfCausativeOrPreposition(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"the object of 对于 running on to the marker's clause", []string{"各单位要严肃财经纪律。对于那些坚持原则，敢于同违纪行为作斗争的同志，要在年底前给予表彰。"}, []string{"各单位", "各单位"}},
		{"与 opens the clause", []string{"二是与社区党支部、居委会衔接上要在月底前理顺。"}, []string{""}},
		{"致使 before the names", []string{"因工作量大，致使个别科室负责人要在周末加班到6月底。"}, []string{""}},
		{"与会 is no preposition", []string{"与会单位要在3月10日前提交书面意见。"}, []string{"与会单位"}},
	})
}

// Guide, "Responsible body": the bodies are those named as doing the
// task. A prohibition (严禁, 禁止, 不准) names who it binds after it:
// 严禁X做Y binds X, and the prohibition word is no part of the name.
func TestBodyBoundByProhibition(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"prohibition opens the sentence", []string{"严禁各乡镇卫生院向患者推销保健品。"}, []string{"各乡镇卫生院"}},
		{"prohibition after a clause", []string{"二是规范收费行为，禁止各幼儿园以兴趣班名义另收费用。"}, []string{"各幼儿园"}},
		{"prohibition before 也不得", []string{"严禁社区卫生服务中心代收费用，也不得要求群众到指定药店购药。"}, []string{"社区卫生服务中心"}},
		{"no name after the prohibition", []string{"各单位要厉行节约，严禁用公款大吃大喝。"}, []string{"各单位"}},
	})
}

// Guide, "Responsible body": the subject of the directive. When a marker
// opens its clause (……，将……), the clause before it names the subject
// only if it is a name: a verb and its object there is a predicate of the
// sentence's own subject.
func TestBodyPredicateBeforeMarkerIsNoName(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"verb and object before 将", []string{"县教育局要根据标准，改造薄弱学校，将所需经费纳入预算。"}, []string{"县教育局"}},
		{"name before 要", []string{"各镇卫生院，要在6月底前完成排查。"}, []string{"各镇卫生院"}},
		{"description before 的", []string{"参与对口支援的单位，要想方设法出人、出钱。"}, []string{"参与对口支援的单位"}},
	})
}

// Guide, "Responsible body": bodies are named by their public naming
// conventions; after 各, school and official writing shortens a unit to
// one character (各校 for 各学校, 各园 for 各幼儿园, 各班), and names
// places collectively (各县, 各市).
func TestBodyCollectiveShortForms(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"各校", []string{"各校要在开学前完成校舍安全排查。"}, []string{"各校"}},
		{"各园", []string{"各园要在9月底前建立晨检制度。"}, []string{"各园"}},
		{"各班", []string{"各班要在本周内完成学生信息核对。"}, []string{"各班"}},
		{"各县", []string{"各县要在年底前完成危房改造任务。"}, []string{"各县"}},
		{"校园 is a place, not a unit", []string{"校园要在年底前完成绿化改造。"}, []string{""}},
	})
}

// Guide, "Responsible body": a body marked by 由 is who acts, whatever
// verb follows it; what stands before 应当由/要由 is the thing acted on.
func TestBodyMarkedByYouAfterModal(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"应当由 before any verb", []string{"新建小区的配套学校建成后，应当由区教育局统一管理，年底前完成移交。"}, []string{"区教育局"}},
		{"要由 after a thing", []string{"闲置校舍要由乡镇人民政府收回，在9月底前完成登记。"}, []string{"乡镇人民政府"}},
		{"由 naming no body keeps the subject", []string{"各乡镇、各部门都要由主要负责同志亲自抓，在6月底前完成。"}, []string{"各乡镇、各部门"}},
	})
}

// Guide, "Responsible body": the subject of the directive. In a plan, a
// statement of work with no 要 that opens with a body names it as who
// acts; one that opens with a verb and its object, or with a place, names
// no one.
func TestBodyOwnSubjectWithoutMarker(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"body then verb", []string{"二、主要任务", "市财政局会同市教育局对项目资金进行审核，6月底前完成。"}, []string{"市财政局、市教育局"}},
		{"after a clause of time", []string{"二、主要任务", "2025年上半年，各县区政府制定实施细则。"}, []string{"各县区政府"}},
		{"verb and its object", []string{"二、主要任务", "坚持政府引导和市场主导相结合，年底前建成10个示范点。"}, []string{""}},
		{"a place alone", []string{"二、主要任务", "城镇和农村居民收入分别增长6%左右。"}, []string{""}},
	})
}

// Guide, "Responsible body": a sentence with its own subject does not take
// the run's body; an unnamed part of the units (个别乡镇, 有的单位) is its
// own subject but names no unit, so the cell stays empty.
func TestBodyVagueSubjectTakesNoCarriedBody(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"个别 after the run's subject", []string{"各乡镇要在6月底前完成排查。个别乡镇要在5月底前补齐台账。"}, []string{"各乡镇", ""}},
		{"有的 opening the sentence", []string{"各单位要在月底前报送清单。", "有的单位还要在年底前整改到位。"}, []string{"各单位", ""}},
	})
}

// Guide, "Responsible body": units or roles described by what they are
// (联系指导贫困村的县级领导) are bodies; the description may hold a
// preposition inside a word (相对), but one standing alone makes it a
// clause, whose subject comes first.
func TestBodyDescribedUnit(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"相对 inside the description", []string{"工作进度相对滞后的乡镇要在6月底前制定整改方案。"}, []string{"工作进度相对滞后的乡镇"}},
		{"对 standing alone", []string{"县教育局对考核靠后的学校要在月底前进行约谈。"}, []string{"县教育局"}},
	})
}

// Issue 13, commitments of a named body: a body that says it plans the
// next clause (县政府考虑，下半年要……) is that clause's subject.
func TestBodyPlannerClause(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"考虑 before the directive", []string{"县政府考虑，下半年要在城东新建2所学校。"}, []string{"县政府"}},
		{"打算 after the run's subject", []string{"各乡镇要在6月底前完成排查。县教育局打算，9月前要新建3所幼儿园。"}, []string{"各乡镇", "县教育局"}},
	})
}

// Guide, "Clarifications": the object of 鼓励/支持/引导 is a body only
// where it is a government body told to act, not a firm or group.
func TestBodyEncouragedOrgan(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"a government organ guided to act", []string{"县工商联要引导全县党政机关、社会组织在年底前认领帮扶项目20个。"}, []string{"县工商联、+全县党政机关"}},
		{"firms encouraged", []string{"县科技局要鼓励民营企业在年底前建成研发中心5个。"}, []string{"县科技局"}},
	})
}

// Negative tests for the short heads: 所, 办, 站, 委, 中心 are not bodies
// inside ordinary words.
func TestBodyShortHeadsInOrdinaryWords(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"所 in 所有", []string{"所有项目要在年底前完工。"}, []string{""}},
		{"办 in 办好", []string{"要在年内把十件实事办好。"}, []string{""}},
		{"站 in 站位", []string{"要在6月底前提高政治站位。"}, []string{""}},
		{"站 numbered by a code", []string{"地铁3号线B2站要在年底前完成无障碍改造。"}, []string{""}},
		{"站 numbered by a code, blank before 站", []string{"环线 G04 站要在年底前完成无障碍改造。"}, []string{""}},
		{"站 of a unit", []string{"县农技站要在年底前完成土壤普查。"}, []string{"县农技站"}},
		{"委 in 委员", []string{"委员名单要在会后10天内报送。"}, []string{""}},
		{"中心 in 以人民为中心", []string{"要坚持以人民为中心，在年内办结积案。"}, []string{""}},
		{"部 in 内部: the unit before it", []string{"医院内部要在3月底前完成科室调整。"}, []string{"医院"}},
		{"部 in 全部", []string{"全部要在年底前完工。"}, []string{""}},
		{"局 in 格局: a clause before 同时要 is no name", []string{"各县要形成新的发展格局，同时要在年底前建立联席会议制度。"}, []string{"各县"}},
		{"所 in 场所", []string{"公共场所要在年底前全部实现禁烟。"}, []string{""}},
		{"室 in 教室, a room", []string{"各班教室要在开学前完成消毒。"}, []string{""}},
		{"室 in 会议室, a room", []string{"三楼会议室要在周五前布置完毕。"}, []string{""}},
		{"室 of an office", []string{"县委督查室要在月底前通报进展。"}, []string{"县委督查室"}},
		{"所 in 所需, whose 需 directs nothing", []string{"该校师资力量雄厚，以需求促发展，安排所需课程，让农村孩子享受优质资源。"}, nil},
		{"局 of 民政局, not 政局", []string{"区民政局要在年底前完成低保核查。"}, []string{"区民政局"}},
	})
}

// Guide, "Responsible body": collective designations of roles count; a
// short quoted role or body is part of the name, and a quoted name alone
// is what its quotes hold.
func TestBodyQuotedRole(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"quoted role after the unit", []string{"各成员单位“一把手”要在6月底前带队督查。"}, []string{"各成员单位“一把手”"}},
		{"quoted body after the place", []string{"社区“两委”要在3月底前完成摸排。"}, []string{"社区“两委”"}},
		{"quoted role alone", []string{"特别是“一把手”要在月底前亲自过问。"}, []string{"一把手"}},
	})
}

// Guide, "Responsible body": coordinated names are split, pronouns do not
// count; a name holds no clause (a verb of going with its place, a modal).
func TestBodyNameIsNoClause(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"a possessive pronoun is no part of the name", []string{"我们的驻村干部要在月底前全部到岗。"}, []string{"驻村干部"}},
		{"a body and where it goes is a clause, timing the directive", []string{"各工作组进村后，要在3天内完成摸排。"}, []string{"各工作组"}},
		{"a village named with 进 is a name", []string{"前进村要在年底前完成改厕。"}, []string{"前进村"}},
		{"a modal opens a predicate", []string{"希望老师们能够多向经验丰富的老教师请教，月底前完成听课。"}, []string{""}},
	})
}

// Issue 13: body heads from public naming conventions; the state banks
// carry out the credit plan (中国人民银行 is a department of the State
// Council).
func TestBodyBanks(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"banks at every level", []string{"各级银行不得违反国家计划滥发贷款。"}, []string{"各级银行"}},
		{"a named bank", []string{"县农业银行要在年底前完成贷款清查。"}, []string{"县农业银行"}},
	})
}

// Guide, "Responsible body": the subject of the directive. A clause
// 作为X， or 身为X， before a directive with no subject of its own frames
// the role it binds.
func TestBodyRoleFrame(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"作为 frames the role", []string{"作为班主任，要在开学前完成家访。"}, []string{"班主任"}},
		{"身为 frames the role", []string{"身为各村第一书记，务必在月底前走访全部农户。"}, []string{"各村第一书记"}},
		{"a subject of its own wins", []string{"作为牵头单位，县发改局要在6月底前报送方案。"}, []string{"县发改局"}},
		{"作为 a thing is no role", []string{"作为一项长期任务，要在年底前建立台账。"}, []string{""}},
	})
}

// Guide, "Responsible body": coordinated names are split, also where a
// comma joins a list of names to the subject that follows it.
func TestBodyListBeforeSubject(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"names before a comma", []string{"各医院、卫生院，疾控中心要在5月底前完成培训。"}, []string{"各医院、卫生院、疾控中心"}},
		{"a clause before a comma", []string{"天气转暖，各乡镇要在5月底前完成巡查。"}, []string{"各乡镇"}},
		{"a dated clause ending in a head is no name", []string{"各镇办要在10天内，即3月底前确定好示范村，区、镇、村三级要抓好示范。"}, []string{"各镇办、区、镇、村三级"}},
	})
}

// Guide, "Clarifications": 由X负责 names X, and so does X牵头 or X负责;
// a person named as responsible is a body.
func TestBodyPersonResponsible(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"the clause after 由X牵头， names who does the work", []string{"由区扶贫局牵头，各镇办在年底前搞好建档立卡回头看工作。"}, []string{"区扶贫局、各镇办"}},
		{"after 由X牵头， a clause with no name adds none", []string{"由县教育局牵头，年底前完成校舍排查。"}, []string{"县教育局"}},
		{"由X牵头 names a person", []string{"此项工作由赵明远同志牵头，5月底前完成。"}, []string{"赵明远同志"}},
		{"persons before 负责", []string{"由孙立峰牵头，钱小溪、吴大川负责数据核对，6月底前完成。"}, []string{"孙立峰、钱小溪、吴大川"}},
		{"a word that opens with a surname is no person", []string{"此项工作由高校负责，6月底前完成。"}, []string{""}},
		{"a grade is no person", []string{"高三年级组要在5月底前完成二轮复习。"}, []string{"高三年级组"}},
	})
}

// Guide, "Responsible body": a one-character head that a one-character
// verb governs is an act, not a body (躬身入局 is no bureau).
func TestBodyVerbBeforeShortHead(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"verb and head", []string{"大家要躬身入局、挺膺负责，在年底前完成任务。"}, []string{""}},
		{"name with the head", []string{"县财政局要在年底前拨付资金。"}, []string{"县财政局"}},
	})
}

// Guide, "Clarifications", and issue 13: responsibility tags in all their
// shapes give every name, with its role, to the sentences of their item,
// and are never tasks themselves.
func TestBodyTagShapes(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"labelled tag in parentheses with an unlabelled tail", []string{
			"二、重点任务",
			"1.推进老旧厂房改造，2025年底前完成30处。（牵头单位：市住建局，配合单位：市财政局、市自然资源局，各区、县级市）",
		}, []string{"市住建局、+市财政局、+市自然资源局、+各区、+县级市"}},
		{"tag lines under the item", []string{
			"二、重点任务",
			"2.推进充电桩建设，年内新建充电桩800个。",
			"牵头单位：市发展改革委",
			"配合单位：市供电公司、市城管局",
			"3.完善托育服务体系，6月底前出台实施方案。",
			"（责任单位：市卫生健康委、市教育局）",
		}, []string{"市发展改革委、+市供电公司、+市城管局", "市卫生健康委、市教育局"}},
		{"unlabelled tail with a scope word", []string{
			"二、重点任务",
			"7.培训新型职业农民，5年内培训2万名。（牵头单位：市农业局，配合单位：市科协，各有关区、县级市）",
		}, []string{"市农业局、+市科协、+各有关区、+县级市"}},
		{"main and support labels on one line", []string{
			"二、重点任务",
			"4.强化药品安全监管，抽检合格率达到97%以上。",
			"主责单位：市市场监管局；配合单位：市公安局",
		}, []string{"市市场监管局、+市公安局"}},
		{"unparenthesised tag sentence after the item", []string{
			"二、重点任务",
			"5.加强林地保护，全年完成造林3万亩。市林业局牵头，市水务局参与。",
		}, []string{"市林业局、+市水务局"}},
		{"a numbered topic with a tag is no task", []string{
			"二、重点任务",
			"6.人才引进项目。5年内引进高层次人才500名。（牵头单位：市人社局）",
		}, []string{"市人社局"}},
	})
}

// Guide, "Clarifications": a note that hands every later item to a body
// makes it a body of every task after it, alongside the task's own.
func TestBodyBlanketNote(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"note before the items", []string{
			"二、重点任务",
			"以下各项均需各县区政府落实，不再列出。",
			"1.推进农村公路提档，年底前完成200公里。（牵头单位：市交通运输局）",
			"2.新建村级养老服务站50个。",
		}, []string{"市交通运输局、+各县区政府", "各县区政府"}},
		{"no note, no body", []string{
			"二、重点任务",
			"1.新建村级养老服务站50个。",
		}, []string{""}},
	})
}

// Issue 13: a list of organs after a name with its place shares that
// place (市发展改革委、财政局 names 市财政局); a bare town of the national
// divisions is a body, and abbreviated organ names are heads.
func TestBodySharedPlace(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"shared place in a subject", []string{"县发展改革委、财政局要在6月底前拿出方案。"}, []string{"县发展改革委、县财政局"}},
		{"shared place in a tag", []string{
			"二、重点任务",
			"1.建设人才公寓，5年内筹集2000套。（牵头单位：市住建局，配合单位：市委组织部、人社局）",
		}, []string{"市住建局、+市委组织部、+市人社局"}},
		{"own place kept", []string{"县委、县政府要在年底前完成部署。"}, []string{"县委、县政府"}},
		{"市场 opens no city's name", []string{"国家发展改革委、市场监管总局、国管局要在年底前出台办法。"}, []string{"国家发展改革委、市场监管总局、国管局"}},
		{"a level inside the name is its own place", []string{"市教育局、团市委要在暑假前组织志愿服务。"}, []string{"市教育局、团市委"}},
		{"no place to share", []string{"教研室和学校要在5月底前完成调研。"}, []string{"教研室、学校"}},
		{"abbreviated organ and a bare town", []string{"区住建局和东华门街道要在年底前完成改造。"}, []string{"区住建局、东华门街道"}},
		{"a county alone is a place", []string{"我县要在年底前完成改造。"}, []string{""}},
	})
}

// Guide, "Responsible body": a run's body carries into later directives
// of its paragraph, but not into one whose subject is a pronoun, which
// names its own subject and no body; and the bodies of a directive quoted
// from another meeting are neither this speech's nor the run's.
func TestBodyCarryStops(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"carried into a subjectless directive", []string{"各乡镇要在3月底前完成排查。要在4月底前完成整改。"}, []string{"各乡镇", "各乡镇"}},
		{"not into a pronoun's directive", []string{"各乡镇要在3月底前完成排查。我们要在4月底前完成整改。"}, []string{"各乡镇", ""}},
		{"not into the colloquial organ's directive", []string{"各乡镇要在3月底前完成排查。县上将在4月底前组织验收。"}, []string{"各乡镇", ""}},
		{"not into a pronoun's 既要……又要", []string{"各乡镇要在3月底前完成排查。我们既要在4月底前完成整改，又要防止反弹。"}, []string{"各乡镇", ""}},
		// The quoted directive is no task of its own (guide, "Task").
		{"quoted directive", []string{"省厅召开视频会，要求各地要在5月底前完成排查。要在6月底前完成整改。"}, []string{""}},
	})
}

// Guide, "Clarifications": a run ends where the topic changes. The lead
// line that gives numbered items their body is the paragraph right before
// them; a body named paragraphs earlier is not carried into them. A
// paragraph that explains an item does not end the list: the next item of
// the same level is still one of the lead line's bullets. A paragraph that
// names another subject ends it, and leads no item numbered on (see
// TestBodyItemNumberedOnHasNoLeadLine).
func TestBodyRunEndsWhereTopicChanges(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"lead line right before the items", []string{
			"各街道要在3月底前完成摸底排查。",
			"（一）要在4月底前完成整改。",
		}, []string{"各街道", "各街道"}},
		{"not from a body named paragraphs back", []string{
			"各街道要在3月底前完成摸底排查。",
			"群众反映的问题很多，情况比较复杂。",
			"下面我讲四项重点工作。",
			"（一）要在4月底前完成整改。",
		}, []string{"各街道", ""}},
		{"a lead line ending with a colon keeps the subject before it", []string{
			"各街道要在3月底前完成摸底排查。",
			"具体要做到以下两点：",
			"（一）要在4月底前完成整改。",
		}, []string{"各街道", "各街道"}},
		{"an item's explaining paragraph does not end the list", []string{
			"各街道要在3月底前完成摸底排查。",
			"（一）要在4月底前完成整改。",
			"整改是排查的落脚点，群众看的就是这一条。",
			"（二）要在5月底前完成验收。",
		}, []string{"各街道", "各街道", "各街道"}},
		{"a subject named inside an inline bullet stays in it", []string{
			"今年重点抓好两件事。一要抓好排查。区住建局要在3月底前完成排查。二要抓好整改。要在4月底前完成整改。",
		}, []string{"区住建局", ""}},
		{"a subject opening the paragraph carries into its bullets", []string{
			"各街道要在3月底前完成摸底。一要抓好排查。要在4月底前完成整改。",
		}, []string{"各街道", "各街道", "各街道"}},
		{"a paragraph naming another subject ends the list", []string{
			"各街道要在3月底前完成摸底排查。",
			"（一）要在4月底前完成整改。",
			"区住建局要在4月底前拿出方案。",
			"（二）要在5月底前完成验收。",
		}, []string{"各街道", "各街道", "区住建局", ""}},
		{"a 第三、 heading on a line of its own is a new numbered heading", []string{
			"各街道要在3月底前完成摸底排查。",
			"第三、积极推进技术改造，充分发挥科技的作用",
			"技术改造必须在年底前完成，这是一个原则问题。",
		}, []string{"各街道", ""}},
		{"第三， opening a sentence is a bullet of the lead line", []string{
			"各街道要抓好三项工作：",
			"第三，要在年底前完成技术改造。",
		}, []string{"各街道", "各街道"}},
	})
}

// Issue 13: the heads of every kind of organisation that receives work
// end a body name: party organisations, temporary bodies, institutions.
func TestBodyHeadsOfEveryKind(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"party organisation", []string{"各基层党组织要在7月1日前完成换届。"}, []string{"各基层党组织"}},
		{"temporary body", []string{"防汛指挥部要在汛期前完成演练。"}, []string{"防汛指挥部"}},
		{"role: 负责同志", []string{"各单位主要负责同志要在年底前完成自查。"}, []string{"各单位主要负责同志"}},
		{"role: 负责同志 after 特别是 joins the names before it", []string{"各部门和各镇办，特别是主要负责同志，要在年底前完成自查。"}, []string{"各部门、各镇办、主要负责同志"}},
		{"party organisation alone: 党组织", []string{"各县要抓好非公企业党建。党组织要在年底前建好党员活动室。"}, []string{"各县", "党组织"}},
		{"party branch alone: 党支部", []string{"党支部要在7月1日前召开组织生活会。"}, []string{"党支部"}},
		{"management committee: 管委会", []string{"县工业园区管委会要在9月底前建成标准厂房。"}, []string{"县工业园区管委会"}},
		{"villagers' committee: 村委会", []string{"各村委会要在年底前完成换届选举。"}, []string{"各村委会"}},
		{"task force", []string{"县招商工作专班要在年底前引进项目10个。"}, []string{"县招商工作专班"}},
		{"institution", []string{"各金融机构要在年内新增涉农贷款5亿元。"}, []string{"各金融机构"}},
		{"a conjunction opens no name", []string{"各科室要做好统计，而工作人员在履职的同时，也要在月底前完成自查。"}, []string{"各科室"}},
		{"role: 管理者", []string{"各项目管理者要在月底前提交进度报告。"}, []string{"各项目管理者"}},
		{"role: 成员", []string{"领导小组全体成员要在月底前完成2次走访。"}, []string{"领导小组全体成员"}},
		{"media organ: 电视台", []string{"市电视台要在6月底前开设专栏。"}, []string{"市电视台"}},
		{"media organs joined", []string{"县纪委和各类媒体要在年内曝光典型案例10起。"}, []string{"县纪委、各类媒体"}},
		{"台 alone is no head", []string{"要在年内出台实施细则。"}, []string{""}},
		// A role named alone is the subject of its own sentence, not a
		// place for the run's body to carry into (issue 13's roles).
		{"role alone: 校长", []string{"各学校要在3月底前完成排查。校长作为第一责任人，要在4月底前完成整改。"}, []string{"各学校", "校长"}},
		{"role alone: 网格员", []string{"各社区要在5月底前完成登记。网格员要每周入户核实1次。"}, []string{"各社区", "网格员"}},
	})
}

// Guide, "Responsible body" (roles are bodies): 第一 opens a role's name
// (第一书记, 第一责任人) and is no paragraph ordinal there, nor in the
// adverb 第一时间; 第一，and 第一要 still number a paragraph.
func TestBodyRoleNamedWithOrdinalWord(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"role: 第一书记", []string{"驻村第一书记要在6月底前走访全部农户。"}, []string{"驻村第一书记"}},
		{"role opening the sentence", []string{"各乡镇要在5月底前完成摸底。第一书记要在6月底前走访全部农户。"}, []string{"各乡镇", "第一书记"}},
		{"adverb 第一时间 opens no name", []string{"各村要在汛期前完成排查。第一时间发现险情的，要在1小时内上报。"}, []string{"各村", "各村"}},
		{"ordinal with comma", []string{"第一，各乡镇要在5月底前完成摸底。"}, []string{"各乡镇"}},
	})
}

// Guide, "Responsible body" and "Clarifications": a sentence that names its
// own subject does not take the run's body; where that subject is the
// spoken name of the speaker's own organ (局里, 县里), no unit is named
// exactly, so the cell stays empty (a wrong unit is worse than an empty
// cell).
func TestBodyOwnSubjectTakesNoCarriedBody(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"局里将 after a run of 各学校", []string{"各学校要在3月1日前完成校舍排查。局里将在3月10日前组织一次抽查。"}, []string{"各学校", ""}},
		{"县里要 after a run of 各乡镇", []string{"各乡镇要在6月底前完成摸底。县里要在7月底前拨付资金500万元。"}, []string{"各乡镇", ""}},
		{"the run still carries into a sentence with no subject", []string{"各乡镇要在6月底前完成摸底。7月底前要完成公示。"}, []string{"各乡镇", "各乡镇"}},
	})
}

// Guide, "Responsible body": the subject of a directive may follow the
// time it acts at (报账时核算中心要……), and abbreviated organ names such as
// 住建委 are names, not a verb and a head.
func TestBodyAfterWhenPhrase(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"subject after a time phrase", []string{"验收时监理站要在3日内出具意见。"}, []string{"监理站"}},
		{"abbreviated organ", []string{"区住建委要在年底前完成危房改造200户。"}, []string{"区住建委"}},
	})
}

// Guide, "Responsible body": a wrong unit is worse than an empty cell. A
// directive left without the subject of the bullet before it says why in
// 核对提示.
func TestBodyLeftBehindSaysWhy(t *testing.T) {
	x := New()
	text := "讲话\n今年重点抓好两件事。一要抓好排查。区住建局要在3月底前完成排查。二要抓好整改。要在4月底前完成整改。\n"
	sp := x.Speeches("t.txt", text, Options{RefDate: NewDate(2024, 3, 1)})
	tasks := sp[0].Tasks
	if len(tasks) != 2 {
		t.Fatalf("got %d tasks, want 2: %+v", len(tasks), tasks)
	}
	last := tasks[1]
	if len(last.Bodies) != 0 || !strings.Contains(strings.Join(last.Hints, "；"), "前一分项") {
		t.Errorf("task %q: bodies %v, hints %q; want no body and a hint saying why", last.Text, last.Bodies, last.Hints)
	}
}

// Guide, "Responsible body": the units or roles named as doing the task,
// described ones among them. A character that marks a clause (要, 在, 对)
// marks none inside a word: 主要领导 is a role, 在座的各位老师 people
// described, 结对帮扶的单位 units described by a word the dictionary
// lacks and cuts so that 对 stands alone before a verb, which no
// preposition governs. A preposition before its noun object still opens
// a clause.
func TestBodyClauseMarkInsideWord(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"要 inside 主要", []string{"各乡镇要在6月底前完成排查，主要领导负总责。"}, []string{"各乡镇、主要领导"}},
		{"在 inside 在座", []string{"希望在座的各位校长要在开学前完成校舍排查。"}, []string{"在座的各位校长"}},
		{"对 inside a word the dictionary lacks", []string{"结对帮扶的单位要在春节前走访每户群众。"}, []string{"结对帮扶的单位"}},
		{"对 before its object opens a clause", []string{"县教育局对考核靠后的学校要在月底前进行约谈。"}, []string{"县教育局"}},
		{"由 after a verb's character is a preposition", []string{"这三类问题,第一种应由信访部门来牵头,3月底前完成。"}, []string{"信访部门"}},
		{"a pronoun's character cut from a word", []string{"班主任和科任老师要在开学前完成家访。"}, []string{"班主任、科任老师"}},
		{"对 cut from a word, in a name with no 的", []string{"驻村工作队员、结对帮扶责任人要在春节前走访每户群众。"}, []string{"驻村工作队员、结对帮扶责任人"}},
	})
}

// Guide, "Responsible body": a section's abbreviated name (基建股, 规财科)
// that the dictionary lacks is cut into characters; the head after a
// verb's character is then the section's, not the verb's object, where a
// lone character stands before the verb too (躬身入局 is an act).
func TestBodyAbbreviatedSection(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"abbreviation cut into characters", []string{"各学校要在3月底前上报维修计划。规建股要在月底前完成图纸审核。"}, []string{"各学校", "规建股"}},
		{"verb and a one-character head", []string{"各单位要躬身入局，在月底前完成自查。"}, []string{"各单位"}},
	})
}

// Guide, "Responsible body": coordinated names are split, and a bare head
// coordinated with a name (……和教师, ……、单位) names the people or units of
// its kind, though alone it is too general to be a body.
func TestBodyCoordinatedHead(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"role after a described role", []string{"希望在座的各位校长和教师要在开学前完成备课。"}, []string{"在座的各位校长、教师"}},
		{"unit after a collective name", []string{"其他股室、单位也要在月底前报送工作计划。"}, []string{"其他股室、单位"}},
		{"bound by a prohibition", []string{"严禁学校和教师在假期组织有偿补课，违者年底考核一票否决。"}, []string{"学校、教师"}},
	})
}

// Guide, "Responsible body": collective designations count (全体老师); all
// the people of a field named as one (全体医务人) is one, and so is every
// level of a place (全县上下).
func TestBodyCollectivePeople(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"全体……人", []string{"全体医务人要在汛期前完成应急演练。"}, []string{"全体医务人"}},
		{"全县上下", []string{"全县上下要在年底前完成整改任务。"}, []string{"全县上下"}},
		{"上下 in 在……上下功夫 is no name", []string{"各单位要在“实”字上下功夫，年底前完成。"}, []string{"各单位"}},
	})
}

// Guide, "Clarifications": a lead line introduces its items from the
// first. Where the item after a paragraph is the second of its list
// (二要……), the paragraph held the first item inline, and the subject it
// named was that item's, not a lead for the items after it.
func TestBodyLeadIntroducesItemsFromTheFirst(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"the paragraph held item one", []string{
			"下面我讲两点意见：一要加强领导。各校长要在3月底前完成排查。",
			"二要加强研究。要在4月底前完成整改。",
		}, []string{"各校长", ""}},
		{"a lead line before item one", []string{
			"各校长要在3月底前完成排查。",
			"一要加强领导。要在4月底前完成整改。",
		}, []string{"各校长", "各校长", "各校长"}},
	})
}

// Guide, "Clarifications": a lead line is a paragraph that numbered items
// follow. An item numbered on from the item before it (（二）after （一）)
// is that item's sibling: the paragraph between them belongs to the first
// item and leads neither.
func TestBodyItemNumberedOnHasNoLeadLine(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"paragraph under （一） leads no （二）", []string{
			"（一）抓好排查。",
			"各街道要在3月底前完成摸底排查。",
			"（二）要在4月底前完成整改。",
		}, []string{"各街道", ""}},
		{"paragraph under 1、 leads no 2、", []string{
			"1、抓好排查。",
			"各街道要在3月底前完成摸底排查。",
			"2、要在4月底前完成整改。",
		}, []string{"各街道", ""}},
		{"a lead line still leads the first item", []string{
			"各街道要在3月底前完成摸底排查。",
			"（一）要在4月底前完成整改。",
			"（二）要在5月底前完成验收。",
		}, []string{"各街道", "各街道", "各街道"}},
	})
}

// Guide, "Responsible body": the body carried through a run is the subject
// of its directives. A body that is the subject of a later clause only,
// after a directive with none, is that clause's side subject and opens no
// run.
func TestBodyRunOpensWithTheFirstDirectivesSubject(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"subject of a later clause", []string{
			"要在3月底前完成报账审批，报账时核算中心要严格把关。要在4月底前完成整改。",
		}, []string{"核算中心", ""}},
		{"subject after an opening phrase", []string{
			"在排查中，各街道要在3月底前完成登记。要在4月底前完成整改。",
		}, []string{"各街道", "各街道"}},
		{"subject after 请", []string{
			"请各街道在3月底前完成登记。要在4月底前完成整改。",
		}, []string{"各街道", "各街道"}},
	})
}

// Guide, "Responsible body": the subject of the directive. A clause that
// sets up a body (设立……办, 组建……专班) before a directive with no subject
// of its own names who acts: the body set up.
func TestBodySetUpBodyActs(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"设立 before 要", []string{"三是设立招生办，要在5月底前完成招生方案。"}, []string{"招生办"}},
		{"组建 before 要", []string{"组建防汛抢险工作专班，要在汛期前完成隐患排查。"}, []string{"防汛抢险工作专班"}},
		{"a set-up body that is no name", []string{"建立健全长效机制，要在年底前完成制度修订。"}, []string{""}},
	})
}

// Guide, "Responsible body": official writing names a body in full once
// and then by its head; a bare head as the subject (领导小组要……) is the
// body of the sentence named before with that head.
func TestBodyHeadRefersBack(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"领导小组 after its full name", []string{"成立以校长为组长的校园安全领导小组，领导小组要在开学前完成隐患排查。"}, []string{"校园安全领导小组"}},
		{"a head whose full name is a clause", []string{"各乡镇要成立领导小组，领导小组要在3月底前召开首次会议。"}, []string{"各乡镇"}},
	})
}

// Guide, "Clarifications": inline bullets are bullets of the sentence
// that opens the paragraph, and its body carries into them unless a
// bullet names its own, which then carries to the bullet's end. Bullets
// open with an ordinal (一要, 二是), an enumerating word (首先，,
// 另一方面，), an item's numbering (……。2.抓好……) or a short unnumbered
// heading (要加大督查力度。, 要健全组织，明确责任。), whether or not the
// bullet's first sentence is itself a task.
func TestBodyBulletNamesItsOwn(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"an ordinal bullet's own subject", []string{
			"各乡镇要在3月底前完成摸底。一要抓好排查。县住建局要在4月底前完成鉴定。要在5月底前完成加固。二要抓好整改。要在6月底前完成验收。",
		}, []string{"各乡镇", "各乡镇", "县住建局", "县住建局", "各乡镇", "各乡镇"}},
		{"an enumerating word opens a bullet", []string{
			"各乡镇要在3月底前完成摸底。一方面，县住建局要在4月底前完成鉴定。要在5月底前完成加固。另一方面，要在6月底前完成验收。",
		}, []string{"各乡镇", "县住建局", "县住建局", "各乡镇"}},
		{"a short heading opens a bullet", []string{
			"各乡镇要在3月底前完成摸底。要加大督查力度。县督查室要在4月底前完成暗访。要在5月底前通报结果。要强化宣传，营造氛围。要在6月底前完成专题报道。",
		}, []string{"各乡镇", "各乡镇", "县督查室", "县督查室", "各乡镇", "各乡镇"}},
		{"a numbered item inside the paragraph opens a bullet", []string{
			"三是提升质量。1.抓好学前教育。各幼儿园要在9月底前完成评估。要在10月底前完成整改。2.抓好高中教育。要在年底前完成课程改革。",
		}, []string{"各幼儿园", "各幼儿园", ""}},
		{"a bullet that is no task still ends the one before", []string{
			"各乡镇要在3月底前完成摸底。一是加强鉴定。县住建局要在4月底前完成鉴定。要在5月底前完成加固。二是每天调度进度。要在6月底前完成验收。",
		}, []string{"各乡镇", "县住建局", "县住建局", "各乡镇"}},
		{"without bullets a side sentence does not take over the run", []string{
			"各乡镇要在3月底前完成摸底，县住建局要在4月底前完成鉴定，并在5月底前完成加固，然后组织回头看。要在6月底前完成验收。",
		}, []string{"各乡镇、县住建局", "各乡镇"}},
	})
}

// Guide, "Clarifications": an item of a lead line's run is one of its
// bullets; where the item names its own subject after its heading, the
// rest of the item takes it.
func TestBodyLeadItemNamesItsOwn(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"the item's own subject", []string{
			"各乡镇要抓好三项工作。",
			"一要抓好排查。县住建局要在4月底前完成鉴定。要在5月底前完成加固。",
			"二要抓好整改。要在6月底前完成验收。",
		}, []string{"各乡镇", "各乡镇", "县住建局", "县住建局", "各乡镇", "各乡镇"}},
	})
}

// Guide, "Task", rule 1 (由……负责) and issue 13 (a person named as
// responsible is a body): 负责 before the work it assigns directs, after
// the body or person it assigns the work to, or the adverbs that say how
// (主要负责), and so do 亲自抓 and 具体抓 (分管领导具体抓). After another
// verb (敢于负责), or in a word (负责人), it assigns nothing.
func TestBodyAssignedByFuze(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"persons, each with the work assigned", []string{"张明主要负责东山村，李华负责西河村，春节前完成入户走访。"}, []string{"张明、李华"}},
		{"a body with the work assigned", []string{"市教育局负责全市的招生工作，6月底前完成。"}, []string{"市教育局"}},
		{"a body set up, then 负责", []string{"成立工作专班，负责统筹协调，6月底前完成。"}, []string{"工作专班"}},
		{"负责 after another verb", []string{"党员干部勇于负责群众的急难问题，3月底前已全部办结。"}, nil},
		{"负责人 is a word", []string{"学校负责人名单于6月底前公布。"}, nil},
		{"亲自抓 and 具体抓 assign", []string{"各县区教育局要在6月底前完成部署，主要领导亲自抓，分管领导具体抓。"}, []string{"各县区教育局、主要领导、分管领导"}},
		{"具体抓好 with no one before it", []string{"要具体抓好落实，年底前完成。"}, []string{""}},
	})
}

// Guide, "Task" and "Responsible body": a ； ends a task but not the
// sentence's grammar: the clause after it goes on with the subject of the
// clause before it, even one that is no subject of the paragraph's run.
func TestBodyClauseAfterSemicolonKeepsItsSubject(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"subject of the clause before the ；", []string{
			"各乡镇要在3月底前完成摸底。同时，要完善激励机制，县财政局要在4月底前拨付奖补资金；对进度滞后的要在5月底前通报。要在6月底前完成验收。",
		}, []string{"各乡镇", "各乡镇、县财政局", "县财政局", "各乡镇"}},
		{"not into a bullet", []string{
			"各乡镇要在3月底前完成摸底。一要抓好资金。县财政局要在4月底前拨付奖补资金；二要抓好督查。要在5月底前通报进度。",
		}, []string{"各乡镇", "各乡镇", "县财政局", "各乡镇", "各乡镇"}},
		{"not across a sentence's end", []string{
			"各乡镇要在3月底前完成摸底。同时，县财政局要在4月底前拨付奖补资金。对进度滞后的要在5月底前通报。",
		}, []string{"各乡镇", "县财政局", "各乡镇"}},
	})
}

// Guide, "Responsible body": bodies marked by 配合. The body after 配合,
// 协助 or 会同 that opens a clause or follows its marker, a verb after it,
// shares the work as support; it names no subject, so the run's body still
// carries into a sentence that names only such partners.
func TestBodyPartners(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"会同 after the marker", []string{"县财政局要会同县教育局制定补助方案，6月底前完成。"}, []string{"县财政局、+县教育局"}},
		{"协助 opening a clause", []string{"张明负责东山村，协助第一书记开展入户走访，春节前完成。"}, []string{"张明、+第一书记"}},
		{"the run's body beside a partner", []string{"各乡镇要在3月底前完成摸底。配合县民政局做好低保核查，4月底前完成。"}, []string{"各乡镇", "各乡镇、+县民政局"}},
		{"配合 before a verb names no one", []string{"各乡镇要配合做好排查工作，6月底前完成。"}, []string{"各乡镇"}},
	})
}

// Guide, "Responsible body": a sentence that names its own subject uses
// it, and people or a whole society named so (职工, 各行各业) are no unit:
// the cell stays empty rather than take the run's body. A thing before
// 要 is the topic the run's body acts on (项目要抓紧实施), and a noun after
// a preposition its object: they name no subject.
func TestBodyPeopleSubjectTakesNoCarriedBody(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"people as the subject", []string{"各乡镇要在3月底前完成摸底。职工必须在4月底前完成登记。"}, []string{"各乡镇", ""}},
		{"a whole trade as the subject", []string{"各乡镇要在3月底前完成摸底。各行各业都要在4月底前完成自查。"}, []string{"各乡镇", ""}},
		{"a thing as the topic", []string{"各乡镇要在3月底前完成摸底。欠进度的项目要在4月底前开工。"}, []string{"各乡镇", "各乡镇"}},
		{"a field of work in 业 as the topic", []string{"各乡镇要在3月底前完成摸底。当前发展茶叶产业要重点抓好两件事,6月底前完成规划。"}, []string{"各乡镇", "各乡镇"}},
		{"a preposition's object", []string{"各乡镇要在3月底前完成摸底。对排查出的隐患要在4月底前整改到位。"}, []string{"各乡镇", "各乡镇"}},
		{"a bare head that names no body on its own", []string{"各级党组织要在3月底前完成换届。部门要在4月底前建好活动室。"}, []string{"各级党组织", "各级党组织"}},
		// 党组织 names a body on its own (heads.txt, "alone"): the
		// sentence names its own subject and uses it (issue 13).
		{"a party organisation named alone uses its own name", []string{"各级党组织要在3月底前完成换届。党组织要在4月底前建好活动室。"}, []string{"各级党组织", "党组织"}},
	})
}

// Guide, "Responsible body": roles count. 同志 names people by their role
// (各单位主要负责同志, 分管这项工作的同志); 同志们, like 我们, does not.
func TestBodyComradesByRole(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"主要负责同志", []string{"各单位主要负责同志要在月底前完成述职。"}, []string{"各单位主要负责同志"}},
		{"described, after a pronoun", []string{"我们分管安全工作的同志要在开学前完成排查。"}, []string{"分管安全工作的同志"}},
		{"同志们 is no body", []string{"同志们要在开学前完成排查。"}, []string{""}},
	})
}

// Guide, "Responsible body": the subject of the directive. A clause before
// it naming those that 凡 covers (凡有在建工程的学校，……) is its topic, not
// part of the subject.
func TestBodyTopicOfFan(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"凡 topic before the subject", []string{"凡有在建工程的学校，基建股要在月底前完成安全检查。"}, []string{"基建股"}},
	})
}

// Guide, "Responsible body": a directive with no subject is the run's. In
// a sentence whose first directive names none and a later clause names
// its own (要建立台账，各村要……), the first is still the run's, beside the
// later clause's subject; not where the first's subject is a pronoun,
// where the first marker directs no one (容不得), nor where the later body
// commits (将) to how it carries the first out.
func TestBodySubjectlessFirstDirectiveTakesTheRun(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"first directive the run's", []string{
			"各乡镇要在3月底前完成摸底。要在4月底前建立台账，各村要在5月底前完成登记。",
		}, []string{"各乡镇", "各乡镇、各村"}},
		{"a pronoun's first directive", []string{
			"各乡镇要在3月底前完成摸底。我们要在4月底前建立台账，各村要在5月底前完成登记。",
		}, []string{"各乡镇", "各村"}},
		{"no directive first (容不得 is no prohibition)", []string{
			"各乡镇要在3月底前完成摸底。这项工作容不得半点马虎，各村要在5月底前完成登记。",
		}, []string{"各乡镇", "各村"}},
		{"the later body commits", []string{
			"各乡镇要在3月底前完成摸底。要完善激励机制，县财政局将在4月底前拨付奖补资金。",
		}, []string{"各乡镇", "县财政局"}},
	})
}

// Issue 13; guide, "Responsible body": coordinated names are split, and
// names that share their head take it each (民政、社保等部门 names 民政部门
// and 社保部门), the place of the first going with the rest; an
// organisation's own short name keeps its form, and the offices of a
// level's party committee and government are named after the last.
func TestBodyCoordinatedNamesSharedHead(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"fields share 部门", []string{"教育、卫健、妇联等部门要在6月底前完成摸底。"}, []string{"教育部门、卫健部门、妇联"}},
		{"the place goes with the fields", []string{"县住建、交通等部门和各乡镇要在年底前完成改造。"}, []string{"县住建部门、县交通部门、各乡镇"}},
		{"one field before 等", []string{"公安等部门要在年底前开展检查。"}, []string{"公安部门"}},
		{"有关 before the head", []string{"县发改、财政、审计等有关部门要在10月底前完成审核。"}, []string{"县发改部门、县财政部门、县审计部门"}},
		{"offices of committee and government", []string{"县委、县政府办公室要在月底前汇总情况。"}, []string{"县委办公室、县政府办公室"}},
		{"committee and government alone", []string{"县委、县政府要在月底前汇总情况。"}, []string{"县委、县政府"}},
		{"names with heads of their own", []string{"县住建局、交通局等部门要在年底前完成改造。"}, []string{"县住建局、县交通局"}},
		{"a field and its head are one word", []string{"教育部门要在年底前完成调查。"}, []string{"教育部门"}},
	})
}

// Short heads and shared heads: a head inside a longer name, a list
// after a verb, one-character abbreviations and a collective are not
// fields sharing 部门.
func TestBodySharedHeadNegatives(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"head inside a longer name", []string{"民政、社保等部门负责人要在月底前到岗。"}, []string{""}},
		{"list after a verb", []string{"要加强民政、社保等部门的协作，年底前建立机制。"}, []string{""}},
		{"one-character abbreviations", []string{"工、青、妇等部门要在年底前完成。"}, []string{""}},
		{"collective 各部门", []string{"各部门要在年底前完成。"}, []string{"各部门"}},
		{"有关部门 alone", []string{"有关部门要在年底前完成。"}, []string{"有关部门"}},
	})
}

// Guide, "Responsible body": a name marked by 由 is the whole name, though
// a verb the mark knows opens its head (组织 in 组织部); a body after 会同
// ends with its head, though the dictionary takes the head for a verb
// (办 in 各镇办精准……), and is no name cut short.
func TestBodyMarkedNameWhole(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"由 before a head that opens with a verb", []string{"该项工作由县委组织部具体负责，年底前完成。"}, []string{"县委组织部"}},
		{"no name cut before its head", []string{"县民政局要会同各镇办精准核实对象，年底前完成。"}, []string{"县民政局"}},
		{"the verb's object is no part of the name", []string{"要由县主管部门组织联合检查组，在年底前完成验收。"}, []string{"县主管部门"}},
	})
}

// Guide, "Clarifications": inline ordinals are bullets of the sentence that
// opens the paragraph; where the paragraph opens with its first bullet,
// a subject named inside a bullet is that bullet's and the next bullet
// does not take it.
func TestBodyParagraphOpensWithBullet(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"subject stays in its bullet", []string{
			"一要摸清底数。县民政局要在3月底前完成排查。要在4月底前建好台账。二要加强保障。要新增公益岗位300个。",
		}, []string{"县民政局", "县民政局", ""}},
	})
}

// Guide, "Responsible body": a body carries into the bullet lines that a
// lead line naming it introduces; a lead line may list the topics of the
// work (……发展粮、油、茶三大产业), and the paragraphs that take them under
// a label (粮，要……) are its bullets. A paragraph that labels no topic of
// the list is none, and a section heading ends the run.
func TestBodyTopicLabelParagraphs(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"topics of the lead line", []string{
			"各乡镇、各农业站务必抓好产业发展，重点发展粮、油、茶三大产业。",
			"粮，要稳定种植面积，年内新增高标准农田2万亩。",
			"茶，要在年底前建成茶叶加工厂3个。",
		}, []string{"各乡镇、各农业站", "各乡镇、各农业站", "各乡镇、各农业站"}},
		{"a label the lead does not list", []string{
			"各乡镇、各农业站务必抓好产业发展，重点发展粮、油、茶三大产业。",
			"果，要在年底前新建果园5个。",
		}, []string{"各乡镇、各农业站", ""}},
		{"a section heading ends the run", []string{
			"各乡镇、各农业站务必抓好产业发展，重点发展粮、油、茶三大产业。",
			"二、加强保障",
			"茶，要在年底前建成茶叶加工厂3个。",
		}, []string{"各乡镇、各农业站", ""}},
		{"the colloquial organ names its own subject", []string{
			"各乡镇、各农业站务必抓好产业发展，重点发展粮、油、茶三大产业。",
			"茶，县上将在年底前建成茶叶加工厂3个。",
		}, []string{"各乡镇、各农业站", ""}},
	})
}

// Issue 13: a sentence that names its own subject uses it, though no
// marker follows the subject: a word of time or frequency may stand
// between it and its verb (村党支部每季度末召开……), and a clause after
// the marker's may name it (要……，县农业局每月组织……). A clause reporting
// what was done, or a predicate with its object, names no subject.
func TestBodySubjectWithoutMarker(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"frequency between subject and verb", []string{
			"二、重点任务",
			"各乡镇要建好两项制度。",
			"一是要建立例会制度。村党支部每季度末召开一次民主生活会。要在每次会后10日内报送纪要。",
		}, []string{"各乡镇", "各乡镇", "村党支部", "村党支部"}},
		{"subject of a later clause", []string{"要学习先进经验，县农业局每月组织一次培训，全年培训500人。"}, []string{"县农业局"}},
		{"a clause reporting what was done", []string{"各乡镇要在3月底前完成排查。要抓好落实，县教育局已经下发了文件，年底前完成。"}, []string{"各乡镇", "各乡镇"}},
		{"a predicate and its object", []string{"要积极构建新格局，大力倡导民营企业扶贫，年底前完成。"}, []string{""}},
	})
}

// Guide, "Responsible body": coordinated names are split, alternatives
// joined by 或 too (由一名指导员或网格员负责), and a count before a role
// (两名联络员) is no part of its name; 负责 in 负责同志 names a role, not
// who is responsible.
func TestBodyAlternativesSplit(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"roles joined by 或", []string{"该项工作由一名驻村指导员或网格员负责，月底前完成。"}, []string{"驻村指导员、网格员"}},
		{"units joined by 或", []string{"该项工作由县财政局或县审计局负责，月底前完成。"}, []string{"县财政局、县审计局"}},
		{"a count before a role", []string{"该项工作可由两名联络员负责，月底前完成。"}, []string{"联络员"}},
		{"负责同志 is a role", []string{"各村要成立调解小组，由村委会或党支部主要负责同志担任组长，年底前完成。"}, []string{"各村"}},
	})
}

// Guide, "Clarifications": a firm is no body where it is acted on. Firms
// described by what a body did to them (县委、县政府引进的重点企业) are what
// the directive is about, and the bodies that chose them are not its
// subject: the sentence names no unit of its own (its cell stays empty
// where the run's body does not reach it).
func TestBodyFirmsActedOn(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"firms a body chose", []string{"各乡镇要在3月底前完成排查。县委、县政府引进的重点企业都要在年底前投产。"}, []string{"各乡镇", ""}},
		{"firms told to act", []string{"各企业要在年底前完成整改。"}, []string{"各企业"}},
	})
}

// Guide, "Responsible body": a side sentence with its own subject does
// not take over the run. Where the paragraph's first directive names no
// subject and later ones each name their own, the first named is no run
// body to add beside a later sentence's own subject.
func TestBodySideSubjectsNoRun(t *testing.T) {
	runBodyCases(t, []bodyCase{
		{"each names its own", []string{
			"工作中，要逐级签订责任书。县农业局负责编制全县规划，年底前完成。要强化督查，县委督查室要每月通报一次进展，年底前完成考核。",
		}, []string{"县农业局", "县委督查室"}},
		{"the first directive's subject is the run's", []string{
			"县农业局要在6月底前编制规划。要强化督查，县委督查室要每月通报一次进展，年底前完成考核。",
		}, []string{"县农业局", "县农业局、县委督查室"}},
	})
}
