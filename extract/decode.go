package extract

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Errors for input that holds no speech text.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary file, not text")
	ErrEncoding = errors.New("unknown text encoding (not UTF-8, UTF-16, GB18030/GBK or Big5)")
	// ErrMaybeUTF16 is binary data that may be UTF-16 text without a
	// byte-order mark, which only the user can tell (with --encoding).
	// It matches ErrBinary with errors.Is.
	ErrMaybeUTF16 = fmt.Errorf("%w, or UTF-16 text without a byte-order mark", ErrBinary)
)

// Encoding names reported by Decode and accepted by DecodeAs.
const (
	EncUTF8    = "UTF-8"
	EncUTF16LE = "UTF-16LE"
	EncUTF16BE = "UTF-16BE"
	EncGB18030 = "GB18030"
	EncBig5    = "Big5"
)

// EncodingError reports that bytes are not text in the encoding a user
// chose. It matches ErrEncoding with errors.Is.
type EncodingError struct {
	Encoding string // canonical name, one of the Enc constants
	Invalid  int    // invalid byte sequences found
}

func (e *EncodingError) Error() string {
	return fmt.Sprintf("not %s text (%d invalid byte sequences)", e.Encoding, e.Invalid)
}

// Unwrap returns ErrEncoding.
func (e *EncodingError) Unwrap() error { return ErrEncoding }

// Decoded is the text of a file and what decoding it took.
type Decoded struct {
	Text     string
	Encoding string // one of the Enc names
	BOM      bool   // the file started with a byte-order mark
	// Invalid counts byte sequences that were not valid in Encoding and
	// were replaced with U+FFFD; NUL counts NUL bytes dropped. Both are
	// worth a warning: the file was damaged or is not quite text.
	Invalid int
	NUL     int
}

// Decode turns the bytes of a text file into a string, detecting the
// encoding, and returns the text and the encoding's name. See DecodeAs.
func Decode(b []byte) (string, string, error) {
	d, err := DecodeAs(b, "")
	return d.Text, d.Encoding, err
}

// LookupEncoding returns the canonical name (one of the Enc constants) of
// an encoding name a user may type: utf-8, utf8, utf-16le, utf-16be,
// gb18030, gbk, gb2312, cp936, big5, cp950, case and punctuation ignored.
func LookupEncoding(name string) (string, bool) {
	n := strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', ' ', '.':
			return -1
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, name)
	switch n {
	case "utf8":
		return EncUTF8, true
	case "utf16le", "utf16", "ucs2", "unicode":
		return EncUTF16LE, true
	case "utf16be":
		return EncUTF16BE, true
	case "gb18030", "gbk", "gb2312", "cp936", "ms936", "windows936", "euccn":
		return EncGB18030, true
	case "big5", "cp950", "ms950", "windows950", "big5hkscs":
		return EncBig5, true
	}
	return "", false
}

// DecodeAs turns the bytes of a text file into text in the named encoding
// (see LookupEncoding), or detects the encoding when name is "":
//
//   - a byte-order mark names UTF-8, UTF-16LE or UTF-16BE;
//   - text with NUL bytes on one side of most byte pairs is UTF-16
//     without a mark;
//   - valid UTF-8 is UTF-8;
//   - otherwise UTF-8 (with a few damaged bytes), GB18030 (which covers GBK
//     and GB2312) and Big5 are each tried, and the one whose text has the
//     fewest invalid sequences and the most of the commonest Chinese
//     characters wins. Big5 read as GB18030 rarely fails outright but
//     gives rare characters, which is what tells the two apart.
//
// Scattered NUL bytes are dropped and counted; invalid sequences are
// replaced with U+FFFD and counted. DecodeAs fails with ErrEmpty for blank
// text, ErrBinary for data that is not text and ErrEncoding when no
// encoding reads the bytes as text.
func DecodeAs(b []byte, name string) (Decoded, error) {
	if name != "" {
		enc, ok := LookupEncoding(name)
		if !ok {
			return Decoded{}, fmt.Errorf("unknown encoding %q", name)
		}
		return forced(b, enc)
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		d := decodeWith(EncUTF8, b[3:])
		d.BOM = true
		return check(d)
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		d := decodeWith(EncUTF16LE, b[2:])
		d.BOM = true
		return check(d)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		d := decodeWith(EncUTF16BE, b[2:])
		d.BOM = true
		return check(d)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return Decoded{}, ErrEmpty
	}
	if enc := utf16NoBOM(b); enc != "" {
		return check(decodeWith(enc, b))
	}
	valid := utf8.Valid(b)
	if !valid {
		if d, ok := utf16Han(b); ok {
			return check(d)
		}
	}
	if looksBinary(b) {
		if mayBeUTF16(b) {
			return Decoded{}, ErrMaybeUTF16
		}
		return Decoded{}, ErrBinary
	}
	if valid {
		return check(decodeUTF8(b))
	}
	best, bestScore := Decoded{}, 0.0
	for i, enc := range []string{EncUTF8, EncGB18030, EncBig5} {
		d := decodeWith(enc, b)
		if s := score(d); i == 0 || s > bestScore {
			best, bestScore = d, s
		}
	}
	if runes := utf8.RuneCountInString(best.Text); best.Invalid > runes/20+1 {
		return Decoded{}, ErrEncoding
	}
	return check(best)
}

// forced decodes b in enc, dropping a matching byte-order mark.
func forced(b []byte, enc string) (Decoded, error) {
	var d Decoded
	switch {
	case enc == EncUTF8 && bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		d = decodeWith(enc, b[3:])
		d.BOM = true
	case enc == EncUTF16LE && bytes.HasPrefix(b, []byte{0xFF, 0xFE}),
		enc == EncUTF16BE && bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		d = decodeWith(enc, b[2:])
		d.BOM = true
	default:
		d = decodeWith(enc, b)
	}
	if n := utf8.RuneCountInString(d.Text); d.Invalid > n/20+1 {
		return Decoded{}, &EncodingError{Encoding: enc, Invalid: d.Invalid}
	}
	return check(d)
}

// decodeUTF8 is decodeWith(EncUTF8, b) for b that is valid UTF-8, which
// leaves nothing to replace.
func decodeUTF8(b []byte) Decoded {
	return dropNUL(Decoded{Encoding: EncUTF8}, string(b))
}

// decodeWith decodes b in enc, replacing invalid sequences with U+FFFD and
// counting them, and dropping NUL characters.
func decodeWith(enc string, b []byte) Decoded {
	if enc == EncUTF8 && utf8.Valid(b) {
		return decodeUTF8(b)
	}
	d := Decoded{Encoding: enc}
	var s string
	var e encoding.Encoding
	switch enc {
	case EncUTF8:
		d.Invalid = invalidUTF8(b)
		s = strings.ToValidUTF8(string(b), "\uFFFD")
	case EncUTF16LE:
		e = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case EncUTF16BE:
		e = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case EncGB18030:
		e = simplifiedchinese.GB18030
	case EncBig5:
		e = traditionalchinese.Big5
	}
	if e != nil {
		if len(b)%2 == 1 && (enc == EncUTF16LE || enc == EncUTF16BE) {
			b = b[:len(b)-1]
			d.Invalid++
		}
		out, err := e.NewDecoder().Bytes(b)
		if err != nil {
			// The x/text decoders replace rather than fail; be safe anyway.
			out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
		}
		s = string(out)
		d.Invalid += strings.Count(s, "\uFFFD")
	}
	return dropNUL(d, s)
}

// dropNUL sets d.Text to s without its NUL characters, counting them in
// d.NUL.
func dropNUL(d Decoded, s string) Decoded {
	if d.NUL = strings.Count(s, "\x00"); d.NUL > 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	d.Text = s
	return d
}

// check rejects decoded text that is blank or mostly control characters.
// d.Text must be valid UTF-8, as decodeWith leaves it.
func check(d Decoded) (Decoded, error) {
	if strings.TrimSpace(d.Text) == "" {
		return Decoded{}, ErrEmpty
	}
	n, ctrl := countChars(d.Text)
	if ctrl > n/20 || d.NUL > n/20+2 {
		return Decoded{}, ErrBinary
	}
	return d, nil
}

// countChars returns the number of characters in s, which must be valid
// UTF-8, and how many of them are control characters other than tab, line
// feed, form feed and carriage return. It reads s eight bytes at a time.
func countChars(s string) (n, ctrl int) {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	// Every byte but a continuation byte (10xxxxxx) starts a character.
	n = len(s)
	for ; len(s) >= 8; s = s[8:] {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		n -= bits.OnesCount64(w &^ (w << 1) & high)
		// A byte below 0x20 sets a high bit in w-0x20*ones, and a 0x7F
		// byte one in w+ones, that is clear in w: only words with such a
		// bit can hold control characters.
		if ((w-0x20*ones)|(w+ones))&^w&high != 0 {
			ctrl += countControls(s[:8])
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n, ctrl + countControls(s)
}

// countControls counts the bytes of s that are control characters other
// than tab, line feed, form feed and carriage return.
func countControls(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7F {
			n++
		}
	}
	return n
}

// binaryMagic lists the openings of common binary files that are often
// misnamed .txt: zip (and so .docx), OLE (.doc, .wps, .xls), PDF, images.
var binaryMagic = [][]byte{
	[]byte("PK\x03\x04"),
	{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1},
	[]byte("%PDF-"),
	[]byte("\x89PNG"),
	{0xFF, 0xD8, 0xFF},
	[]byte("GIF8"),
	[]byte("\x7FELF"),
	[]byte("MZ"),
}

// looksBinary reports whether b opens like a known binary format or has
// more NUL and other control bytes than damage would explain.
func looksBinary(b []byte) bool {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(b, m) {
			return true
		}
	}
	ctrl := 0
	for _, c := range b {
		// C0 controls other than tab, line feed, form feed, carriage
		// return and escape: no text encoding here puts them inside a
		// character, and text uses none of them.
		if c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1B {
			ctrl++
		}
	}
	return ctrl > len(b)/50+8
}

// utf16NoBOM recognises UTF-16 without a byte-order mark by its NUL bytes:
// in mostly ASCII text they fall on one side of nearly every byte pair.
func utf16NoBOM(b []byte) string {
	if len(b) < 8 || len(b)%2 == 1 {
		return ""
	}
	// Either side needs more than pairs*3/10 NUL bytes, which most text,
	// having none, is quick to rule out.
	pairs := len(b) / 2
	if bytes.Count(b, []byte{0}) <= pairs*3/10 {
		return ""
	}
	var even, odd int
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd > pairs*3/10 && even < odd/20:
		return EncUTF16LE
	case even > pairs*3/10 && odd < even/20:
		return EncUTF16BE
	}
	return ""
}

// utf16Han recognises Chinese text in UTF-16 without a byte-order mark,
// which has too few NUL bytes for utf16NoBOM: read in one byte order it
// must be clean (no invalid sequence, private-use or control character
// but tab and line breaks), mostly Chinese, mostly of the commonest
// characters, and read better than in the other byte order and than as
// GB18030. Anything less clear is left to the user's --encoding.
func utf16Han(b []byte) (Decoded, bool) {
	if len(b) < 16 || len(b)%2 == 1 {
		return Decoded{}, false
	}
	best, bestScore := Decoded{}, 0.5
	for _, enc := range []string{EncUTF16LE, EncUTF16BE} {
		d := decodeWith(enc, b)
		if d.Invalid > 0 || d.NUL > 0 {
			continue
		}
		n, ctrl := countChars(d.Text)
		han := 0
		for _, r := range d.Text {
			if r >= 0xE000 && r <= 0xF8FF {
				ctrl = n
				break
			}
			if r >= 0x3000 {
				han++
			}
		}
		if ctrl > 0 || han < n/2 {
			continue
		}
		if s := score(d); s > bestScore {
			best, bestScore = d, s
		}
	}
	if best.Encoding == "" || score(decodeWith(EncGB18030, b)) >= bestScore {
		return Decoded{}, false
	}
	return best, true
}

// mayBeUTF16 reports whether b, taken for binary data, could be UTF-16
// text without a byte-order mark: of even length, not a known binary
// format, and read in one byte order with hardly an invalid sequence or
// control character, which binary data read as UTF-16 is full of.
func mayBeUTF16(b []byte) bool {
	if len(b)%2 == 1 {
		return false
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(b, m) {
			return false
		}
	}
	for _, enc := range []string{EncUTF16LE, EncUTF16BE} {
		d := decodeWith(enc, b)
		n, ctrl := countChars(d.Text)
		if n > 0 && d.Invalid <= n/200 && ctrl+d.NUL <= n/50 {
			return true
		}
	}
	return false
}

// invalidUTF8 counts the invalid sequences of b, as ToValidUTF8 replaces
// them: a run of bad bytes counts once.
func invalidUTF8(b []byte) int {
	bad, inRun := 0, false
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			if !inRun {
				bad++
			}
			inRun = true
		} else {
			inRun = false
		}
		i += n
	}
	return bad
}

// score rates a decoding of Chinese text: the share of its non-ASCII
// characters that are among the commonest Chinese characters (simplified
// or traditional) or CJK punctuation, less a heavy penalty for each
// invalid sequence and for private-use characters, which right decodings
// of real text do not produce.
func score(d Decoded) float64 {
	common := commonHan()
	var good, bad, n int
	for _, r := range d.Text {
		if r < 0x80 {
			continue
		}
		n++
		switch {
		case r == utf8.RuneError:
			bad++
		case r >= 0xE000 && r <= 0xF8FF:
			bad++
		case common[r]:
			good++
		case r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF5E || r >= 0x2010 && r <= 0x2027:
			good++
		}
	}
	if n == 0 {
		return 0
	}
	return (float64(good) - 4*float64(bad)) / float64(n)
}

// commonChars are the most frequent characters of modern Chinese text in
// simplified form, commonest first (after Jun Da's character frequency list,
// with the vocabulary of official speeches).
const commonChars = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨旧端探湖录叶春乡附吸予礼港雨板庭妇归饭额含顺输招婚脱补谓督油疗旅泽材灭逐笔鲜词择寻厂博授诺岸健堂旁宫借禁阴园谋避抓荣孙束跳顶玉镇雪午练迫篇馆遍凡础卷坦宁纸诸训私庄祖丝翻暴握戏隐熟访弱店软典欲伙盘扩盖稳亿拥齐赛趣曲迎冰虚析透购替努扬途侵刑绿迅套贸毕唯谷轮库迹尤竞街促延震弃伟川申缓潜售针络抵植纯折筑贝尊秀混振染盛圆措残秋培迷诚宽宇猛摆毁伸盟末乃硬操阻订彩抽赞纷沿违浪汇币丰蓝殊献援译夺距裁偏符勇触课敬懂墙召罚厅拜巧侧冒债融惯享童犹乘挂奖厚纵障讯涉彻刊描患妙签彼仿倾牌陷闭奋庆撤茶疾缘播季丹仪驻孔宜桥繁寒伴旦愈粮缩罢聚径恰挑捕珍幕映裂隔启尖忠累暂估泛荒偿横拒忆孤闹厉衡零穷舍码灾津俗辩晓劲贫仁偶辑邦恢赖圈润堆碰稍迟辆废净署壁御奉冬矿抬晨伏倍盾租乏隆诊摄丧污渡旗甘耐凭扎抢绪粗肩梁综悉返井壮薄扫敏碍殖详允幅剩颗赏液番箱贴漫酸舒浮辛餐挺励辞键峰尺昨辈贯侦滑券崇扰宪趋阅墨胁插粉泥氏拔骗慧媒佩愤龄驱惜豪兼跃肃届欣惠册储频磨递撞拟滚巡颜剂绩贡截燃焦伪锁逼颇劝呈搜勤戒驾饮朵柔腐幼践籍牧凉佳浓芳稿竹跌逻垂遵脉貌狱惑帐饰贷昌叙钢沟寄扶铺寿惧询盗肥尝辉扣迁凝慰厌腾幽埋泉涌辖紫艰祝邮鉴械邻赤挤割揭悟聪锋梯祥阔誉筹丛牵鸣阁屈旨柱抛逊迈欺衰燕仲诱池仗冠粒遥尘抚浅纠钻晶峡耗凌敲赔涂粹扁亏寂煤恭湿循暖赋抑秩宿踏烂侯夹擦炼恒慎搬纹渔磁铜跨押漠疲遣祭档稀捷肤疫削岗宏履涨耀扭坛拨沃绘伐堪廉契拼惩捉覆刷劫嫌歇雕串缴唤赢莲妥搭赴嘉址耕锐缝邀添挖浩羽酷掠祸妨贪挣悬仓轨枚盐览帅屏疏姿劣寸扔辱匹俱辨蜂腔郁溃谨糟苗忌鸿笼滋聊挡纲肌壳痕穴卓贤卧膜毅锦欠函茫昂夸豫舌剥傲拾携陵棉晴铃填饲渴扮逆脆罩炉柴绳胎蓄眠竭慕扇柜悦拦诞饱乾泡亭夕酬儒姻卵氛泄杆僧蜜遂狭甜霞驳裕顽摘秒畜披辅勾盆疆塑畏囊泊骤缠羞吊漏悠俘锡卑铭滩催翅盒蛮歧赐锅廊拆灌勉盲宰佐胀扯辽抹筒棋朴孕誓喉妄拘链驰栏逝窃艳纤趁匠盈愁瞬婴孝倘谅蔽畅赠冻闯厨颠遮谊吁辟框钦庸歉吼摊宴嘱衷矩浦讶耸裸碧摧薪淋耻胶饥盼虹翠崩账逢赚撑翔倡绵枯昭渊凑溪旺寓藤匪伞碑挪琼脂谎慨掘抄岭砍晰罕挽舟痴剪弓懒叉捐拓粘柄坑陌窄兆崖骄鞭芒筋聘钩棍弦焰俯厘愣厦恳饶钉憾叠惹喻谱愧煌溶坠巾滥洒堵瓷棒浴漆巢撰滞硕蝶茂躯吏寨渠戚舶颁讽笨嘲泼衔涵僵撕肢垄逸茅侨窑谦弊勋郊捧浸砖鼎篮蒸饼亩陡兔贞荐哑炭搏拢擅爽搁禄巩螺裹昔谬谍冤巷栽沾诈斋厄咨纺罐桶壤糕颂膨谐垒隙辣绑宠兑霉挫辐乞纱绣杖塘衍轴攀譬祈踢肆坎轿棚屡躁溢砸帘帆栖窜丸斩堤塌贩厢掀乖谜捏滨虏匙芦卸沼钥株剖熙劈怯桩娱娶沫蹲焚淘嫩韵衬钧竖峻捞菊鄙魄兜颖屑蚁壶怡渗旱咸焉谴宛稻铸锻毙贬烛骇芯汁坊朽靖佣碌迄冀荆雁绅珊榜诵傍醇笛禽勿瞄睹贿踩拱蔑谕缚诡淹腕煮卒勘馨逗贱炒灿敞蜡囚栗辜垫魁谣涯枕泳奎泌逾燥掷藉枢憎弘倚侮拂蚀浆烤晒霜剿蕴屿氢驼捆铅逛淑丙痒钞躬昼藻募耽蹈陋侣虐堕荫狡阀绞膏垮茎绒搅凳梭诏钮棺懈嫉匀嗣凿纬沸畴刃遏烁熬奢拙栋毯砂泻坪梳稚蔬捣顷"

// commonHan returns the set of the commonest Chinese characters in their
// simplified and traditional forms, built once from commonChars and the
// traditional-to-simplified table.
var commonHan = sync.OnceValue(func() map[rune]bool {
	set := make(map[rune]bool, 2*len(commonChars)/3)
	for _, r := range commonChars {
		set[r] = true
	}
	sc := bufio.NewScanner(strings.NewReader(t2sTable))
	for sc.Scan() {
		from, to, ok := strings.Cut(sc.Text(), "\t")
		if !ok || strings.HasPrefix(from, "#") {
			continue
		}
		t, _ := utf8.DecodeRuneInString(from)
		s, _ := utf8.DecodeRuneInString(to)
		if set[s] {
			set[t] = true
		}
	}
	return set
})
