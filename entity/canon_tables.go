package entity

import "strings"

// Declension tables for Russian and Ukrainian proper names, hand-written from
// the standard grammars (Russian: Зализняк, «Грамматический словарь русского
// языка», declension types 1a/3a/7a and adjectival 1a/3a/4a; Ukrainian:
// «Український правопис» 2019, §§ 80–110). Each paradigm lists endings with
// the cases they express; a word is analysed by every paradigm whose ending it
// carries, giving candidate nominatives that the phrase-level search in
// canon.go ranks.
//
// Format of an ending list: "ending=case,case|ending=case…", where the empty
// ending is written as nothing before '='. Cases: n g d a i l (singular), and
// N G D A I L (plural).

// stem constraints
const (
	stemAny   = iota
	stemCons  // ends in a consonant letter other than й/ь
	stemVowel // ends in a vowel letter
	stemHard  // consonant, not sibilant, velar or ц
	stemSoftS // ends in a velar or sibilant (к г х ж ш ч щ) – takes и, not ы
	stemSurn  // ends in ов ев ёв ин ын (Russian) or ов ев ін їн ин (Ukrainian)
)

type paradigmSpec struct {
	name    string
	class   wordClass
	gender  gender
	nom     string // nominative singular ending (plural ending for plural-only)
	stem    int    // stem constraint
	endings string
	prior   float64
}

var ruParadigms = []paradigmSpec{
	// nouns
	{"m-hard", noun, masc, "", stemHard, "=n,a|а=g,a|у=d|ом=i|е=l|ы=N,A|ов=G|ам=D|ами=I|ах=L", 0.15},
	{"m-sib", noun, masc, "", stemSoftS, "=n,a|а=g,a|у=d|ом=i|ем=i|е=l|и=N,A|ов=G|ев=G|ей=G|ам=D|ами=I|ах=L", 0.15},
	// demonyms in -анин/-янин, plural -ане/-яне (россияне, англичане, амурчане); lower case only
	{"p-jane", noun, plural, "яне", stemCons, "яне=N|ян=G|янам=D|янами=I|янах=L", -0.3},
	{"p-ane", noun, plural, "ане", stemCons, "ане=N|ан=G|анам=D|анами=I|анах=L", -0.3},
	{"m-janin", noun, masc, "янин", stemCons, "янин=n|янина=g,a|янину=d|янином=i|янине=l", -0.3},
	{"m-j", noun, masc, "й", stemVowel, "й=n,a|я=g,a|ю=d|ем=i|е=l|и=N,A|ев=G", 0},
	{"m-ij", noun, masc, "ий", stemCons, "ий=n,a|ия=g,a|ию=d|ием=i|ии=l", -0.1},
	{"m-soft", noun, masc, "ь", stemCons, "ь=n,a|я=g,a|ю=d|ем=i|е=l|и=N,A|ей=G", -0.1},
	{"f-a", noun, fem, "а", stemHard, "а=n|ы=g,N,A|е=d,l|у=a|ой=i|ою=i", 0},
	{"f-a-sib", noun, fem, "а", stemSoftS, "а=n|и=g,N,A|е=d,l|у=a|ой=i|ей=i|ою=i", 0},
	{"f-ja", noun, fem, "я", stemAny, "я=n|и=g,N,A|е=d,l|ю=a|ей=i|ею=i", -0.35},
	{"f-ija", noun, fem, "ия", stemAny, "ия=n|ии=g,d,l|ию=a|ией=i|иею=i", 0},
	{"f-soft", noun, fem, "ь", stemCons, "ь=n,a|и=g,d,l|ью=i", -0.3},
	{"n-o", noun, neut, "о", stemCons, "о=n,a|а=g,N,A|у=d|ом=i|е=l", -0.1},
	{"n-ie", noun, neut, "ие", stemCons, "ие=n,a|ия=g,N,A|ию=d|ием=i|ии=l", -0.1},
	// soft neuters: море, поле; -ье: Подмосковье, Приморье, Поволжье
	{"n-e", noun, neut, "е", stemCons, "е=n,a,l|я=g,N,A|ю=d|ем=i", -0.2},
	{"n-e-sib", noun, neut, "е", stemSoftS, "е=n,a,l|а=g,N,A|у=d|ем=i", -0.2},
	{"n-je", noun, neut, "ье", stemCons, "ье=n,a,l|ья=g|ью=d|ьем=i", -0.1},
	// surnames in -ов/-ин: instrumental -ым, feminine -ой
	{"m-surn", surname, masc, "", stemSurn, "=n|а=g,a|у=d|ым=i|е=l|ы=N,A|ых=G", 0.05},
	{"f-surn", surname, fem, "а", stemSurn, "а=n|ой=g,d,i,l|у=a", 0.05},
	// adjectives (and adjectival surnames such as Зеленский, Толстая)
	{"adj-m", adj, masc, "ый", stemHard, "ый=n|ого=g,a|ому=d|ым=i|ом=l", 0},
	{"adj-m-s", adj, masc, "ий", stemSoftS, "ий=n|ого=g,a|его=g,a|ому=d|ему=d|им=i|ом=l|ем=l", 0},
	{"adj-m-soft", adj, masc, "ий", stemCons, "ий=n|его=g,a|ему=d|им=i|ем=l", -0.2},
	{"adj-m-o", adj, masc, "ой", stemAny, "ой=n|ого=g,a|ому=d|ым=i|им=i|ом=l", -0.6},
	{"adj-f", adj, fem, "ая", stemAny, "ая=n|ой=g,d,i,l|ую=a|ою=i", 0},
	{"adj-f-soft", adj, fem, "яя", stemCons, "яя=n|ей=g,d,i,l|юю=a", -0.3},
	{"adj-n", adj, neut, "ое", stemAny, "ое=n,a|ого=g|ому=d|ым=i|им=i|ом=l", 0},
	{"adj-n-soft", adj, neut, "ее", stemCons, "ее=n,a|его=g|ему=d|им=i|ем=l", -0.3},
	{"adj-p", adj, plural, "ые", stemHard, "ые=N,A|ых=G,L,A|ым=D|ыми=I", 0},
	{"adj-p-s", adj, plural, "ие", stemAny, "ие=N,A|их=G,L,A|им=D|ими=I", 0},
	// plural nouns (Штаты, Эмираты, Нидерланды)
	{"p-hard", noun, plural, "ы", stemHard, "ы=N,A|ов=G|ам=D|ами=I|ах=L", -0.3},
	{"p-sib", noun, plural, "и", stemSoftS, "и=N,A|ов=G|ам=D|ами=I|ах=L", -0.3},
}

var ukParadigms = []paradigmSpec{
	{"m-hard", noun, masc, "", stemHard, "=n,a|а=g,a|у=g,d,l|ові=d,l|ом=i|і=l|и=N,A|ів=G|ам=D|ами=I|ах=L", 0.15},
	{"m-sib", noun, masc, "", stemSoftS, "=n,a|а=g,a|у=g,d,l|ові=d,l|еві=d,l|ом=i|ем=i|і=l|и=N,A|ів=G", 0.15},
	{"m-j", noun, masc, "й", stemVowel, "й=n,a|я=g,a|ю=g,d,l|єві=d,l|єм=i|ї=l|ї=N|їв=G", 0},
	{"m-soft", noun, masc, "ь", stemCons, "ь=n,a|я=g,a|ю=d,l|еві=d,l|ем=i|і=l|і=N|ів=G", -0.1},
	{"f-a", noun, fem, "а", stemHard, "а=n|и=g,N,A|і=d,l|у=a|ою=i", 0},
	{"f-a-sib", noun, fem, "а", stemSoftS, "а=n|і=g,d,l|и=g,N|у=a|ею=i|ою=i", 0},
	{"f-ja", noun, fem, "я", stemCons, "я=n|і=g,d,l,N|ю=a|ею=i|ям=D|ями=I|ях=L", -0.1},
	{"f-ija", noun, fem, "ія", stemAny, "ія=n|ії=g,d,l|ію=a|ією=i", 0},
	{"f-soft", noun, fem, "ь", stemCons, "ь=n,a|і=g,d,l,N|ю=i|ей=G", -0.3},
	{"n-o", noun, neut, "о", stemCons, "о=n,a|а=g|у=d,l|ові=d|ом=i|і=l", -0.1},
	// masculine names in -о: Михайло, Дмитро, Петро
	{"m-o", noun, masc, "о", stemCons, "о=n|а=g,a|ові=d,l|у=d|ом=i", -0.2},
	{"n-nja", noun, neut, "я", stemCons, "я=n,a|я=g|ю=d|ям=i|і=l", -0.2},
	{"n-e", noun, neut, "е", stemCons, "е=n,a|я=g|ю=d|ем=i|і=l", -0.2},
	{"m-surn", surname, masc, "", stemSurn, "=n|а=g,a|у=d|ові=d,l|им=i|і=l", 0.05},
	{"f-surn", surname, fem, "а", stemSurn, "а=n|ої=g|ій=d,l|у=a|ою=i", 0.05},
	{"adj-m", adj, masc, "ий", stemAny, "ий=n|ого=g,a|ому=d,l|им=i|ім=l", 0},
	{"adj-m-soft", adj, masc, "ій", stemCons, "ій=n|ього=g,a|ьому=d,l|ім=i,l", -0.2},
	{"adj-f", adj, fem, "а", stemAny, "а=n|ої=g|ій=d,l|у=a|ою=i", 0},
	{"adj-f-soft", adj, fem, "я", stemCons, "я=n|ьої=g|ій=d,l|ю=a|ьою=i", -0.3},
	{"adj-n", adj, neut, "е", stemAny, "е=n,a|ого=g|ому=d,l|им=i|ім=l", 0},
	{"adj-p", adj, plural, "і", stemAny, "і=N,A|их=G,L,A|им=D|ими=I", 0},
	{"p-hard", noun, plural, "и", stemCons, "и=N,A|ів=G|ам=D|ами=I|ах=L", -0.3},
}

// Common nouns that head organization, place and event names, in the
// nominative, with their grammatical gender (m f n p). Knowing them settles
// the gender of the phrase: Министерстве -> Министерство, not Министерств.
var headNouns = func() map[string]gender {
	m := map[string]gender{}
	addWords(m, masc,
		"комитет совет союз суд банк фонд университет институт центр департамент парламент сенат "+
			"конгресс штаб флот альянс блок форум саммит фронт кабинет мажилис акимат округ район край "+
			"полуостров остров океан залив пролив город поселок штат регион дом дворец музей театр "+
			"колледж лицей трибунал орган отдел холдинг концерн клуб чемпионат турнир фестиваль "+
			"референдум съезд кремль госдеп минфин минздрав мид уряд комітет університет конгрес "+
			"конкурс марафон салон "+
			"півострів острів палац будинок ")
	addWords(m, fem,
		"палата партия организация служба академия компания корпорация ассоциация федерация "+
			"комиссия дума ассамблея армия прокуратура полиция администрация канцелярия церковь "+
			"больница клиника школа газета группа гвардия инспекция мэрия область республика провинция "+
			"губерния страна улица площадь река гора долина пустыня станция библиотека биржа "+
			"конференция война революция олимпиада миссия коалиция конвенция рада партія організація "+
			"коллегия разведка "+
			"ярмарка выставка встреча неделя спартакиада универсиада биеннале операция "+
			"академія компанія комісія асамблея армія республіка церква лікарня поліція адміністрація "+
			"федерація асоціація війна ")
	addWords(m, neut,
		"министерство агентство управление правительство ведомство объединение общество собрание "+
			"движение королевство княжество содружество партнерство посольство консульство "+
			"представительство бюро казначейство учреждение отделение издательство міністерство "+
			"управління об'єднання королівство товариство представництво "+
			"море озеро водохранилище плато нагорье побережье ущелье озеро водосховище узбережжя ")
	addWords(m, plural,
		"штаты эмираты нации силы войска штати емірати нації сили ")
	return m
}()

// First names in the nominative with their gender, the common ones of news
// in Russian and Ukrainian spelling, including foreign names as Russian and
// Ukrainian news spell them. Used to settle the gender (and so the case) of a
// full name: Терези Мей -> Тереза Мей, Бориса Джонсона -> Борис Джонсон.
var firstNames = func() map[string]gender {
	m := map[string]gender{}
	add := func(g gender, s string) { addWords(m, g, s) }
	add(masc, "александр алексей анатолий андрей антон аркадий арсений артем артур борис вадим валентин валерий "+
		"василий виктор виталий владимир владислав вячеслав геннадий георгий глеб григорий давид даниил денис "+
		"дмитрий евгений егор иван игорь илья кирилл константин лев леонид максим марат михаил никита николай "+
		"олег павел петр роман руслан сергей станислав степан тимур федор филипп эдуард юрий ярослав "+
		"нурсултан касым-жомарт жомарт асхат бахытжан ерлан ержан нурлан серик олжас мурат айдос бауыржан "+
		"даурен канат кайрат марат талгат ильхам шавкат эмомали садыр сапар гурбангулы сердар алмазбек "+
		"дональд джо джозеф барак билл хиллари майк майкл майк джон джеймс джордж ричард роберт уильям дэвид "+
		"борис эммануэль франсуа николя олаф ангела си цзиньпин нарендра реджеп тайип "+
		"кир стивен эдвард кристофер гэвин доминик дэниел питер пол марк мэтт том тони хантер берни пит "+
		"рон тед кевин чак нэнси митч бен эрик алекс лукас кевин ральф карл фридрих "+
		"володимир олександр олексій андрій анатолій юрій сергій дмитро михайло микола петро іван павло "+
		"віктор віталій василь євген ігор богдан тарас остап ярослав денис роман максим вадим валерій "+
		"джозеф майкл джеймс дональд джон девід домінік гевін кріс крістофер пітер")
	add(fem, "виктория анастасия евгения александра валерия маргарита софья вероника полина диана "+
		"кристина алёна алена милана елизавета таисия зоя раиса тамара лидия инна элина эльвира "+
		"айжан айнур гаухар жанар мадина сауле бибигуль дарига асем аружан камила "+
		"вікторія анастасія євгенія олександра валерія маргарита вероніка катерина ганна світлана "+
		"анна мария елена ольга наталья татьяна ирина светлана екатерина юлия людмила галина "+
		"валентина марина надежда вера любовь нина лариса оксана алла дарья полина ксения алина "+
		"асия азия айгерим динара гульнара алия жанна асель "+
		"тереза ангела хиллари камала нэнси меган кейт элизабет елизавета маргарет урсула кристина "+
		"мишель джилл ивана мелания сара марин софия эмма джейн лиз джорджия "+
		"олена ольга наталія тетяна ірина юлія людмила галина марина надія оксана софія "+
		"тереза камала ганна марія асія азія")
	return m
}()

// Place names whose nominative ends in -а/-я or that are indeclinable, where
// an oblique form is ambiguous between declensions: Москве is Москва, not
// Москв; Лондоне is Лондон. Hand-written list of common toponyms of news.
var knownNominatives = func() map[string]bool {
	m := map[string]bool{}
	w := ""
	for _, r := range "москва россия украина америка европа африка азия канада куба мексика флорида невада аризона " +
		"монтана индиана алабама оклахома небраска аляска миннесота дакота каролина вирджиния джорджия " +
		"пенсильвания калифорния женева вена прага варшава рига астана караганда уфа казань венесуэла " +
		"аргентина гватемала панама ямайка палестина ангола литва польша молдова корея сирия турция " +
		"британия великобритания англия шотландия ирландия франция германия испания италия индия " +
		"бразилия япония австралия канберра гавана лима бразилиа богота тегеран дели анкара " +
		"алма-ата алматы астана баку тбилиси ереван бишкек душанбе ташкент ашхабад минск киев киеве " +
		"токио сочи осло хельсинки чикаго торонто монако перу чили того конго сомали " +
		"брюссель пекин берлин париж лондон вашингтон нью-йорк " +
		"україна америка європа росія білорусь казахстан польща англія велика британія франція " +
		"німеччина іспанія італія індія канада москва варшава відень прага брюссель лондон вашингтон " +
		"київ львів харків дніпро запоріжжя ізраїль дім " +
		// Kazakhstan: cities and places in Kazakh and Russian spelling
		"өскемен ақорда акорда ақтөбе актобе қостанай костанай шымкент тараз орал уральск атырау ақтау актау " +
		"семей талдықорған талдыкорган қызылорда кызылорда түркістан туркестан павлодар петропавл " +
		"петропавловск көкшетау кокшетау жезқазған жезказган екібастұз экибастуз теміртау темиртау " +
		"байқоңыр байконур сарыарқа арқа қарағанды ұлытау улытау жетісу абай маңғыстау мангистау " +
		"усть-каменогорск нур-султан нұр-сұлтан алатау медеу бурабай " +
		"израиль севастополь симферополь ярославль ставрополь мариуполь " {
		if r == ' ' {
			if w != "" {
				m[w] = true
			}
			w = ""
			continue
		}
		w += string(r)
	}
	return m
}()

// nameParticles are lower-case parts of personal names that never inflect.
var nameParticles = map[string]bool{
	"де": true, "да": true, "ди": true, "дель": true, "ван": true, "фон": true, "дер": true,
	"бин": true, "бен": true, "ибн": true, "аль": true, "эль": true, "ла": true, "ле": true,
	"дос": true, "дю": true, "оглы": true, "кызы": true, "улы": true, "уулу": true, "ал": true,
}

// addWords adds the space-separated words of s to m with value v.
func addWords[V any](m map[string]V, v V, s string) {
	for _, w := range strings.Fields(s) {
		m[w] = v
	}
}
