package report

import (
	"strings"
	"unicode"
)

// A field is what one column of a speech sheet shows.
type field int

// The fields of a speech sheet, in the default column order.
const (
	fieldSeq         field = iota // 序号
	fieldID                       // 任务编号
	fieldText                     // 工作任务
	fieldTimes                    // 时间节点
	fieldDue                      // 完成时限
	fieldLead                     // 责任单位
	fieldSupport                  // 配合单位
	fieldTargets                  // 量化目标
	fieldTargetValue              // 目标数值
	fieldSection                  // 所属部分
	fieldHints                    // 核对提示
	fieldStatus                   // 办理状态
	fieldProgress                 // 进展情况
	fieldWarning                  // 预警
	fieldNote                     // 备注
	fieldChange                   // 变动: 新增 or 已移出 with the date, see merge.go
	numFields
)

// fieldNames lists, for each field, the header labels that map a template
// column to it. The first name is the label of the default layout. Labels
// are compared after normalizeLabel, so spaces, line breaks, colons and
// asterisks in a header cell do not matter.
var fieldNames = [numFields][]string{
	fieldSeq:         {"序号", "序", "No", "No.", "排序"},
	fieldID:          {"任务编号", "编号", "任务ID", "ID"},
	fieldText:        {"工作任务", "任务内容", "具体任务", "任务", "工作内容", "重点任务", "工作事项", "督办事项", "事项", "任务事项"},
	fieldTimes:       {"时间节点", "时间要求", "时间表述", "原文时限", "时间"},
	fieldDue:         {"完成时限", "完成时间", "截止日期", "截止时间", "办结时限", "完成期限", "时限", "期限"},
	fieldLead:        {"责任单位", "牵头单位", "责任部门", "牵头部门", "主责单位", "承办单位", "责任主体"},
	fieldSupport:     {"配合单位", "协办单位", "配合部门", "协助单位", "参与单位"},
	fieldTargets:     {"量化目标", "目标", "量化指标", "指标", "目标任务"},
	fieldTargetValue: {"目标数值", "指标数值", "数值"},
	fieldSection:     {"所属部分", "部分", "章节", "所属板块", "板块"},
	fieldHints:       {"核对提示", "提示", "审核提示", "核对"},
	fieldStatus:      {"办理状态", "状态", "进度状态", "落实状态", "完成状态"},
	fieldProgress:    {"进展情况", "进展", "落实情况", "完成情况", "推进情况", "办理情况"},
	fieldWarning:     {"预警", "预警状态", "提醒", "督办提醒", "预警提示"},
	fieldNote:        {"备注", "说明"},
	fieldChange:      {"变动", "变动情况", "台账变动"},
}

// label returns the default header label of fd.
func (fd field) label() string { return fieldNames[fd][0] }

// normalizeLabel folds a header cell's text for matching against fieldNames:
// it drops white space (full-width too), colons and asterisks and lowercases
// Latin letters.
func normalizeLabel(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '\u3000', r == ':', r == '：', r == '*', r == '＊':
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// labelFields maps the normalized labels of fieldNames to their fields,
// the first field naming a label winning. It is never changed.
var labelFields = func() map[string]field {
	m := map[string]field{}
	for fd := range numFields {
		for _, name := range fieldNames[fd] {
			if _, ok := m[normalizeLabel(name)]; !ok {
				m[normalizeLabel(name)] = fd
			}
		}
	}
	return m
}()

// fieldOfLabel returns the field a header label names, if any.
func fieldOfLabel(s string) (field, bool) {
	if s == "" {
		return 0, false
	}
	fd, ok := labelFields[normalizeLabel(s)]
	return fd, ok
}

// Statuses offered by the 办理状态 dropdown; the first is the default.
var statuses = []string{statusNotStarted, "推进中", statusDone, "持续推进"}

const (
	statusNotStarted = "未启动"
	statusDone       = "已办结"
)

// Values of the 预警 column.
const (
	warnOverdue = "已逾期"
	warnSoon    = "7日内到期"
	warnOK      = "正常"
	warnNoDue   = "无时限"
)
