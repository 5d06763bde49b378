package newsmon

import _ "embed"

// SamplePage is a real news page of the kind this package is made for: an
// English article on military cooperation between Kazakhstan and Belarus
// followed by a block of Russian headlines, as scraped. The examples analyze
// it when given no input.
//
//go:embed testdata/seed.txt
var SamplePage string
