package topic_test

import (
	"bytes"
	"fmt"

	"golang.org/x/text/language"

	"github.com/newsmon/newsmon/topic"
)

func ExampleClassifier_Classify() {
	c, err := topic.New()
	if err != nil {
		panic(err)
	}
	ts := c.Classify(topic.Document{
		Text:     "В Жезказгане заблокированы 200 Telegram-каналов с рекламой наркотиков",
		Language: language.Russian,
	})
	for _, t := range ts[:2] {
		fmt.Println(t.ID, t.Parent, t.Evidence)
	}
	// Output:
	// crime  [рекламой наркотиков наркотиков]
	// drugs crime [рекламой наркотиков наркотиков]
}

func ExampleWithRules() {
	rules := []byte(`
[drugs]
3 vape*, =snus
`)
	c, err := topic.New(topic.WithRules(language.English, "my.rules", rules))
	if err != nil {
		panic(err)
	}
	for _, t := range c.Classify(topic.Document{Text: "Vapes are sold to minors"}) {
		fmt.Println(t.ID, t.Evidence)
	}
	// Output:
	// crime [vapes]
	// drugs [vapes]
}

func ExampleTrain() {
	examples := []topic.Example{
		{Text: "The striker scored twice in the cup final", Label: "sport"},
		{Text: "Coach praises players after league victory", Label: "sport"},
		{Text: "Shares fell after the company cut its profit forecast", Label: "markets"},
		{Text: "Investors sold bonds as the central bank raised rates", Label: "markets"},
	}
	m, err := topic.Train(examples, topic.WithAlgorithm(topic.NaiveBayes), topic.WithHashBits(12))
	if err != nil {
		panic(err)
	}
	var saved bytes.Buffer
	if err := m.Save(&saved); err != nil {
		panic(err)
	}
	m2, err := topic.Load(&saved)
	if err != nil {
		panic(err)
	}
	fmt.Println(m2.Predict("bank shares and bond investors")[0].Label)
	// Output:
	// markets
}
