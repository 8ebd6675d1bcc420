package extract

// Span is a half-open range [Start, End) of rune offsets into a task's text
// as written, so a reader can highlight what was extracted from where.
type Span struct {
	Start, End int
}

// Speech is one speech of an input file.
type Speech struct {
	Source  string // base name of the input file
	Index   int    // 1-based, over every speech heading in the file
	Title   string // the heading without its 篇N / 第N篇: marker, as written
	Speaker string // "" when none is named or only a placeholder is
	// SpeechDate is the date the text (or the file name) states.
	SpeechDate Date
	// RefDate is what relative dates resolve against; RefSource says where
	// it came from: "text", "filename", "option" or "" when unknown.
	RefDate   Date
	RefSource string
	// DuplicateOf is the Index of the earlier speech this one repeats (0 if
	// none) in file DuplicateSource, with Similarity the share of this
	// speech's text found there.
	DuplicateOf     int
	DuplicateSource string
	Similarity      float64
	// Overlaps lists earlier speeches that share much of this one's text
	// without making it a duplicate.
	Overlaps []Overlap
	// Text is the speech's body as written, heading excluded.
	Text string
	// Fingerprints stand for the text in MarkDuplicates; see
	// Extractor.Fingerprint.
	Fingerprints []uint64
	Tasks        []Task
}

// Overlap records that a speech shares Share of its text with speech
// Index of file Source.
type Overlap struct {
	Source string
	Index  int
	Share  float64
}

// Task is one ledger row: a sentence that directs future action.
type Task struct {
	Seq     int    // 1-based position among the speech's tasks
	ID      string // stable id, see TaskID
	Text    string // the sentence as written, with its closing mark
	Section string // the section heading the sentence falls under
	Times   []TimeNode
	Bodies  []Body
	Targets []Target
	// Hints says which fields were inferred rather than read, for review.
	Hints []string
}

// TimeNode is a time expression stating when a task is due or starts.
type TimeNode struct {
	Text  string // the phrase as written
	Start Date   // first day, for starts and windows
	Due   Date   // last day by which the action is due
	// Note says what was inferred: an assumed year, a computed festival.
	Note string
	Span Span
}

// Role of a responsible body.
const (
	RoleLead    = "lead"
	RoleSupport = "support"
)

// Body is a responsible body named for a task.
type Body struct {
	Name      string // as written (normalised text)
	Canonical string // for grouping; equals Name unless a rule or list says otherwise
	Role      string // RoleLead or RoleSupport
	Carried   bool   // carried from an earlier sentence of the run
	Span      Span   // zero for carried bodies

	// shared is the head that the name takes from the last name of its
	// list and that stands after its span (民政、社保等部门 names
	// 民政部门, whose span is 民政): origBodies keeps it when it maps the
	// name back to the text as written.
	shared string
}

// Comparators of numeric targets.
const (
	CmpEq      = "="
	CmpAtLeast = ">="
	CmpAtMost  = "<="
	CmpAbout   = "~"
)

// Target is a numeric target a task sets.
type Target struct {
	Text   string  // the phrase as written
	Value  float64 // the number, with any 万/亿 multiplier kept in Unit
	Ratio  string  // set instead of Value for ratios such as "10:1"
	Unit   string
	Object string
	Cmp    string
	Span   Span
}

// Options configure extraction.
type Options struct {
	// RefDate is the fallback reference date for speeches whose text and
	// file name state none.
	RefDate Date
	// FileDate is a date read from the file name, used when the text
	// states none.
	FileDate Date
}
