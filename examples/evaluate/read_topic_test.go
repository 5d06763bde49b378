package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsmon/newsmon/internal/dataset"
)

func TestReadAGNews(t *testing.T) {
	dir := t.TempDir()
	// Columns in another order than the original, a quoted comma, a doubled
	// quote, a quoted line break and backslashes standing for line breaks.
	p := write(t, dir, "test.csv", "Description,Class,Title\n"+
		`"Short-sellers, Wall Street's dwindling\band",Business,Wall St. Bears`+"\n"+
		`"He said ""no"".\\Then left.",sports,"Two
lines"`+"\n"+
		`x,Sci/Tech,y`+"\n")
	docs, err := readAGNews(p, nil)
	require.NoError(t, err)
	assert.Equal(t, []topicDoc{
		{Text: "Wall St. Bears\nShort-sellers, Wall Street's dwindling\nband", Class: "Business"},
		{Text: "Two\nlines\nHe said \"no\".\nThen left.", Class: "Sports"},
		{Text: "y\nx", Class: "Sci/Tech"},
	}, docs)

	// The original files have no header: class (1-4), title, description.
	p = write(t, dir, "orig.csv", `"3","Wall St.","Bears"`+"\n"+`"1","UN","meets"`+"\n")
	docs, err = readAGNews(p, nil)
	require.NoError(t, err)
	assert.Equal(t, []topicDoc{{Text: "Wall St.\nBears", Class: "Business"}, {Text: "UN\nmeets", Class: "World"}}, docs)

	docs, err = readAGNews(write(t, dir, "kaggle.csv", "Class Index,Title,Description\n2,Cup,Won\n"), nil)
	require.NoError(t, err)
	assert.Equal(t, []topicDoc{{Text: "Cup\nWon", Class: "Sports"}}, docs)

	var sk skips
	docs, err = readAGNews(write(t, dir, "bad.csv", "title,description,class\na,b,Weather\nc,d,World\ne,f\n"), &sk)
	require.NoError(t, err)
	assert.Equal(t, []topicDoc{{Text: "c\nd", Class: "World"}}, docs)
	assert.Equal(t, 2, sk.n)
	assert.Contains(t, sk.first[0], `unknown class "Weather"`)
	_, err = readAGNews(write(t, dir, "nohead.csv", "a,b\n"), nil)
	assert.ErrorContains(t, err, "header must name")
	_, err = readAGNews(write(t, dir, "empty.csv", ""), nil)
	assert.ErrorContains(t, err, "empty file")
}

func TestReadBBC(t *testing.T) {
	dir := t.TempDir()
	for _, c := range bbcFolders {
		write(t, dir, c+"/001.txt", "Headline "+c+"\n\nBody.\n")
	}
	write(t, dir, "tech/002.txt", "Caf\xe9 opens\n") // Latin-1 é
	write(t, dir, "README.TXT", "not a document")
	docs, err := readBBC(dir)
	require.NoError(t, err)
	require.Len(t, docs, 6)
	assert.Equal(t, topicDoc{Text: "Headline business\n\nBody.\n", Class: "business"}, docs[0])
	assert.Equal(t, topicDoc{Text: "Café opens\n", Class: "tech"}, docs[5])

	require.NoError(t, os.RemoveAll(filepath.Join(dir, "sport")))
	_, err = readBBC(dir)
	assert.ErrorContains(t, err, "no sport/*.txt")
}

func TestReadRIA(t *testing.T) {
	dir := t.TempDir()
	const head = "id,url,title,subtitle,content,datetime,views,tags,topic\n"
	write(t, dir, "ria_news_topics_3.csv", head+
		`1,https://ria.ru/1.html,Бюджет,sub,"Текст, с запятой",2023,1,"['Экономика']",economy`+"\n"+
		`2,https://ria.ru/2.html,Театр,sub,Премьера,2023,1,[],culture`+"\n")
	write(t, dir, "ria_news_topics_7.csv", head+
		`1,https://ria.ru/1.html,Бюджет,sub,"Текст, с запятой",2023,1,"['Экономика']",economy`+"\n"+
		`3,https://ria.ru/3.html,Школы,sub,Учителя,2023,1,[],society`+"\n")
	write(t, dir, "summary_final.csv", "model,vectorizer,f1\nLR,Tfidf,0.88\n")
	docs, labels, err := readRIA(dir)
	require.NoError(t, err)
	assert.Equal(t, []topicDoc{
		{Text: "Бюджет\n\nТекст, с запятой", Class: "economy"},
		{Text: "Театр\n\nПремьера", Class: "culture"},
		{Text: "Школы\n\nУчителя", Class: "society"},
	}, docs, "the row repeated in two files is read once")
	assert.Equal(t, map[string]bool{"economy": true, "culture": true, "society": true}, labels)

	one, _, err := readRIA(filepath.Join(dir, "ria_news_topics_7.csv"))
	require.NoError(t, err)
	assert.Len(t, one, 2)
	_, _, err = readRIA(filepath.Join(dir, "summary_final.csv"))
	assert.ErrorContains(t, err, "header must name")
}

func TestClassMaps(t *testing.T) {
	for topic, want := range map[string][3]string{ // agnews, bbc, ria (3 rubrics)
		"":                   {"", "", ""},
		"sport":              {"Sports", "sport", "society"},
		"economy":            {"Business", "business", "economy"},
		"labour":             {"Business", "business", "economy"},
		"science-technology": {"Sci/Tech", "tech", "society"},
		"arts-culture":       {"World", "entertainment", "culture"},
		"lifestyle":          {"World", "entertainment", "society"},
		"human-interest":     {"World", "entertainment", "society"},
		"politics":           {"World", "politics", "society"},
		"crime":              {"World", "politics", "society"},
	} {
		three := map[string]bool{"economy": true, "culture": true, "society": true}
		got := [3]string{dataset.AGNewsClass(topic), dataset.BBCClass(topic), dataset.RIAClass(topic, three)}
		assert.Equal(t, want, got, "classes of %q", topic)
	}
	nine := map[string]bool{}
	for _, r := range []string{"science", "society", "incidents", "culture", "religion", "politics", "economy", "world", "defense_army"} {
		nine[r] = true
	}
	assert.Equal(t, "incidents", dataset.RIAClass("crime", nine))
	assert.Equal(t, "science", dataset.RIAClass("science-technology", nine))
	assert.Equal(t, "society", dataset.RIAClass("health", nine))
}

func TestInterleave(t *testing.T) {
	in := []topicDoc{{"a1", "a"}, {"a2", "a"}, {"a3", "a"}, {"c1", "c"}, {"b1", "b"}, {"b2", "b"}}
	want := []topicDoc{{"a1", "a"}, {"b1", "b"}, {"c1", "c"}, {"a2", "a"}, {"b2", "b"}, {"a3", "a"}}
	assert.Equal(t, want, interleave(in))
	assert.Empty(t, interleave(nil))
}

func TestUnBackslash(t *testing.T) {
	assert.Equal(t, "a\nb\nc", unBackslash(`a\b\\c`))
	assert.Equal(t, "plain", unBackslash("plain"))
}

func TestReadLingua(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "en.txt", "one\n\ntwo\nthree\n")
	write(t, dir, "kk.txt", "бір\r\nекі\n")
	write(t, dir, "notes.md", "x")
	write(t, dir, "README.txt", "not a language")
	s, err := readLingua(dir, nil, 0)
	require.NoError(t, err)
	assert.Equal(t, []langSample{{"one", "en"}, {"two", "en"}, {"three", "en"}, {"бір", "kk"}, {"екі", "kk"}}, s)
	s, err = readLingua(dir, []string{"kk", "en"}, 1)
	require.NoError(t, err)
	assert.Equal(t, []langSample{{"one", "en"}, {"бір", "kk"}}, s, "-limit applies per language")
	_, err = readLingua(dir, []string{"uz"}, 0)
	assert.ErrorContains(t, err, "no uz.txt")
	_, err = readLingua(t.TempDir(), nil, 0)
	assert.Error(t, err)

	s, err = readLines(filepath.Join(dir, "en.txt"), "en", 2)
	require.NoError(t, err)
	assert.Equal(t, []langSample{{"one", "en"}, {"two", "en"}}, s)
}
