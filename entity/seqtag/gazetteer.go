package seqtag

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/newsmon/newsmon/internal/normalize"
	"github.com/newsmon/newsmon/internal/runes"
)

// Gazetteer classes: hand-written word lists whose membership is a feature.
// They are facts about languages (common first names, organization and
// event nouns, titles), not answers for any text.
const (
	gFirstName = 1 << iota // a common personal first name (any case form)
	gOrgWord               // a noun that heads organization names
	gTitle                 // a title, rank or office that precedes a name
	gEventWord             // a noun that heads event names
	gLocWord               // a noun that heads or ends place names
	gMonth                 // a month or weekday name
	gDemonym               // an adjective of nationality or origin
	gPrep                  // a preposition that often precedes a place
)

// wordLists maps each class to words. Russian and Kazakh entries are given
// in a base form; matching allows up to three further runes of inflection
// after the stem (see stemOf).
var wordLists = map[int]string{
	gFirstName: `
		john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark
		donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
		nicholas eric jonathan stephen larry justin scott brandon benjamin samuel frank gregory raymond alexander patrick
		jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith
		christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert
		willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny boris
		mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
		kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen
		amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
		janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan
		theresa angela hillary kamala angela emmanuel vladimir sergei sergey viktor victor dmitry dmitri alexei alexey
		nikolai mikhail ivan igor oleg yuri yury andrei andrey pavel anatoly valery gennady yevgeny evgeny leonid vitaly
		murat nursultan kassym-jomart kassym olzhas askar yerlan erlan asset daniyar berik serik marat bakhyt talgat
		nurlan kairat almaz aidos azamat timur arman ruslan rustam zhanna aigerim dinara gulnara saule aliya madina
		sadyr almazbek emomali shavkat islam ilham recep xi narendra volodymyr petro alexander aleksandr
		александр алексей анатолий андрей антон аркадий арсений артем борис вадим валентин валерий василий виктор
		виталий владимир владислав вячеслав геннадий георгий глеб григорий даниил денис дмитрий евгений егор иван
		игорь илья кирилл константин леонид максим марк михаил никита николай олег павел петр роман руслан святослав
		семен сергей станислав степан тимофей тимур федор филипп эдуард юрий яков ярослав
		анна алла алина алена александра анастасия валентина вера виктория галина дарья евгения екатерина елена
		елизавета ирина карина ксения лариса людмила любовь марина мария надежда наталья нина ольга полина светлана
		софья татьяна ульяна юлия
		нурсултан касым-жомарт олжас асхат аскар ерлан ержан марат мурат бахыт берик серик нурлан кайрат даурен
		даулет данияр ерболат ербол жанат максат мухтар канат арман азамат алихан бауыржан серикжан талгат бекжан
		айгерим айжан гульнара динара жанар жанна мадина сауле алия асель аружан
		нұрсұлтан қасым-жомарт қайрат бауыржан ерболат айгүл гүлнар сәуле әлия
		садыр алмазбек эмомали шавкат ильхам реджеп си владимир зеленский`,
	gOrgWord: `
		ministry department agency organization organisation union committee council service bureau office commission
		company corporation corp inc ltd llc plc group bank fund party parliament government court university institute
		academy school association federation foundation alliance authority administration army navy force forces
		center centre club team league news agency press times post journal television radio tv channel network
		staff command police guard board senate assembly congress mazhilis majilis duma kremlin
		министерство министр ведомство агентство организация союз комитет совет служба бюро управление комиссия компания
		корпорация группа банк фонд партия парламент правительство суд университет институт академия школа ассоциация
		федерация альянс администрация армия флот войска центр клуб лига газета журнал телеканал радио агентство
		штаб командование полиция гвардия прокуратура сенат мажилис дума акимат кремль холдинг концерн завод компартия
		министрлігі министрлік агенттігі ұйымы одағы комитеті кеңесі қызметі басқармасы компаниясы банкі қоры партиясы
		парламенті үкіметі үкімет соты университеті институты академиясы мектебі қауымдастығы федерациясы әкімдігі
		әкімдік орталығы сенаты мәжілісі прокуратурасы`,
	gTitle: `
		president minister premier prime general lieutenant-general major-general colonel lieutenant captain admiral
		marshal sergeant commander chief deputy director secretary chairman chairwoman spokesman spokeswoman ambassador
		governor mayor senator king queen prince princess pope bishop patriarch sheikh emir chancellor head leader
		ceo mr mrs ms dr prof sir lord judge
		президент министр премьер премьер-министр генерал генерал-лейтенант генерал-майор генерал-полковник полковник
		подполковник майор капитан адмирал маршал командующий глава заместитель замминистра директор секретарь
		председатель спикер посол губернатор мэр аким сенатор депутат король королева принц папа патриарх канцлер
		руководитель лидер министра президента генерала
		президенті министрі премьер-министрі әкімі төрағасы басшысы депутаты генерал хатшысы`,
	gEventWord: `
		forum summit congress conference games olympics olympiad championship cup festival exercise exercises drills
		war revolution election elections referendum expo exhibition fair day week session meeting talks
		форум саммит съезд конгресс конференция игры олимпиада чемпионат кубок фестиваль учения война революция
		выборы референдум выставка ярмарка день неделя сессия
		форумы саммиті съезі конгресі конференциясы ойындары олимпиадасы чемпионаты кубогы фестивалі жаттығулары
		соғысы сайлауы референдумы көрмесі күні мерекесі`,
	gLocWord: `
		region province oblast district city town village river lake sea ocean mountains mountain island islands
		street avenue square republic state states kingdom federation territory valley desert peninsula bay gulf
		область район город село поселок река озеро море океан горы гора остров острова улица проспект площадь
		республика штат королевство край округ регион полуостров залив аул
		облысы ауданы қаласы ауылы өзені көлі теңізі таулары аралы көшесі даңғылы алаңы республикасы өңірі`,
	gMonth: `
		january february march april may june july august september october november december monday tuesday
		wednesday thursday friday saturday sunday
		январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь понедельник вторник среда
		четверг пятница суббота воскресенье
		қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан`,
	gDemonym: `
		american british english french german russian ukrainian belarusian kazakh kazakhstani chinese japanese
		korean indian turkish iranian israeli arab european asian african western eastern soviet uzbek kyrgyz tajik
		turkmen mongolian polish georgian armenian azerbaijani syrian afghan pakistani canadian australian italian
		spanish dutch swedish norwegian finnish danish baltic caspian
		российский русский украинский белорусский казахстанский казахский китайский американский британский
		немецкий французский европейский азиатский западный восточный советский узбекский киргизский таджикский
		туркменский турецкий иранский японский корейский индийский
		қазақстандық қазақ ресейлік орыс қытайлық американдық британдық еуропалық`,
	gPrep: `in at from to near into across
		в во из на под над около возле близ у до
		бойынша арқылы`,
}

// gazetteer maps a folded word or stem to its classes.
var gazetteer = func() map[string]uint16 {
	m := map[string]uint16{}
	for class, words := range wordLists {
		for _, w := range strings.Fields(words) {
			m[w] |= uint16(class)
			if s := stemOf(w); s != w {
				m[stemKey(s)] |= uint16(class)
			}
		}
	}
	return m
}()

// stemKey marks a stem so that it cannot collide with a whole word.
func stemKey(s string) string { return s + "~" }

// stemOf strips one final vowel or soft sign from a Cyrillic word, the usual
// part that inflection replaces (Андрей → Андре-я, Мария → Мари-и).
func stemOf(w string) string {
	r, n := utf8.DecodeLastRuneInString(w)
	if n == 0 || r < 0x400 || r > 0x4ff {
		return w
	}
	switch r {
	case 'а', 'я', 'й', 'ь', 'о', 'е', 'ы', 'и', 'ә', 'і':
		if runes.Count(w) > 3 {
			return w[:len(w)-n]
		}
	}
	return w
}

// lookupGazetteer returns the classes of the folded word low: an exact
// entry, or for a Cyrillic word a stem entry followed by at most three runes
// of inflection.
func lookupGazetteer(low []byte) uint16 {
	if len(low) == 0 || len(low) > 64 {
		return 0
	}
	c := gazetteer[string(low)]
	r, _ := utf8.DecodeRune(low)
	if r < 0x400 || r > 0x4ff {
		return c
	}
	var buf [72]byte
	end := len(low)
	for k := 0; k <= 3 && end > 0; k++ {
		n := copy(buf[:], low[:end])
		buf[n] = '~'
		c |= gazetteer[string(buf[:n+1])]
		if k > 0 {
			c |= gazetteer[string(low[:end])]
		}
		_, sz := utf8.DecodeLastRune(low[:end])
		end -= sz
	}
	return c
}

// surnameEndings lists surname endings by class (see surnameClass).
var surnameEndings = func() [][][]byte {
	lists := [][]string{
		1: nil,
		2: {"ский", "ского", "скому", "ским", "ском", "ская", "ской", "скую", "цкий", "цкого", "цкая", "цкой"},
		3: {"енко", "ук", "юк", "швили", "дзе", "ян", "янц"},
		4: {"ұлы", "қызы", "улы", "кызы", "uly", "kyzy", "ovich", "evich", "ович", "евич", "овна", "евна"},
		5: {"ov", "ev", "ova", "eva", "in", "ina", "sky", "skiy", "ski", "enko", "yev", "yeva", "bekov", "bayev"},
	}
	for _, base := range []string{"ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ина", "ына"} {
		for _, e := range []string{"", "а", "у", "ым", "ом", "е", "ой", "ых", "ы", "ими"} {
			lists[1] = append(lists[1], base+e)
		}
	}
	out := make([][][]byte, len(lists))
	for c, l := range lists {
		for _, e := range l {
			out[c] = append(out[c], []byte(e))
		}
	}
	return out
}()

// surnameOrder is the order in which classes are tried: the specific
// patronymic and Kazakh endings first, the broad -ов/-ин family late.
var surnameOrder = [...]int{4, 2, 3, 1, 5}

// surnameClass classifies the ending of a folded word as a typical surname
// ending in Russian, Kazakh or their Latin transliteration: 1 for
// -ов/-ев/-ин (any case form), 2 for -ский/-цкий, 3 for -енко/-ук/-дзе,
// 4 for -ұлы/-қызы/-uly/-kyzy and patronymics, 5 for Latin -ov/-ev/-in/-sky,
// 0 otherwise. The ending must leave a stem of at least three bytes.
func surnameClass(low []byte) int {
	for _, c := range surnameOrder {
		for _, e := range surnameEndings[c] {
			if len(low) >= len(e)+3 && bytes.HasSuffix(low, e) {
				return c
			}
		}
	}
	return 0
}

// IsFirstName reports whether w, in any case form, is one of the common
// personal first names the tagger's gazetteer lists (John, Леонид,
// Дэвида).
func IsFirstName(w string) bool {
	return lookupGazetteer([]byte(normalize.Fold(w)))&gFirstName != 0
}
