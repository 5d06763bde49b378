// Command beam runs the newsmon analysis as an Apache Beam pipeline: it
// reads news documents in JSON Lines from files, analyzes each with one
// Analyzer per worker process, and writes one JSON line per document. It is
// how the analysis goes past one machine: the same program runs locally on
// Beam's direct or prism runner and on Flink, Spark or Google Cloud Dataflow
// by flags.
//
// Input lines are objects such as
//
//	{"id": 17, "title": "…", "text": "…", "published": "2025-06-20"}
//
// analyzed as title + "\n\n" + text (report offsets index that string).
// Output lines are {"id": 17, "source": "FILE", "report": {…}} with the
// Report JSON of the newsmon package. A line that is not such an object, or
// whose analysis fails, goes to the -errors file as {"source": "FILE",
// "error": "…", "input": "the first 200 bytes"}, a file that is written
// only when there is such a line; blank lines are skipped.
// Output order is not the input order: a pipeline has none.
//
// Locally (prism is Beam's default local runner; direct is the older,
// in-process one):
//
//	cd examples/beam
//	go run . -input '../../testdata/corpus/*.jsonl' -output /tmp/results.jsonl
//	go run . -runner direct -input 'in/*.jsonl' -output out.jsonl
//
// On a Flink or Spark cluster through its Beam job server (the workers run
// this program's Go SDK container, or the program itself with LOOPBACK when
// the cluster is local):
//
//	go run . -runner flink -endpoint localhost:8099 -environment_type LOOPBACK -input … -output …
//	go run . -runner spark -endpoint localhost:8099 -environment_type DOCKER \
//	    -environment_config apache/beam_go_sdk:2.77.0 -input gs://bucket/in/*.jsonl -output gs://bucket/out/results.jsonl
//
// On Google Cloud Dataflow:
//
//	go run . -runner dataflow -project PROJECT -region europe-west1 \
//	    -staging_location gs://BUCKET/staging -temp_location gs://BUCKET/tmp \
//	    -input 'gs://BUCKET/in/*.jsonl' -output gs://BUCKET/out/results.jsonl
//
// Remote workers cannot read local paths: give them shared storage (gs://
// is built in). Beam's own flags (-runner, -endpoint, -job_name,
// -parallelism, …) are listed with -help.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

var (
	input     = flag.String("input", "", "JSON Lines files to analyze (a glob; local paths or gs://)")
	output    = flag.String("output", "", "file for the results, JSON Lines")
	errorsOut = flag.String("errors", "", "file for the lines that could not be analyzed (default OUTPUT.errors)")
	maxBytes  = flag.Int("max-bytes", 16<<20, "largest document analyzed, bytes; larger ones go to -errors")
)

func main() {
	flag.Parse()
	beam.Init() // a worker process started by a runner stops here and serves
	if *input == "" || *output == "" {
		fmt.Fprintln(os.Stderr, "usage: beam -input GLOB -output FILE [-errors FILE] [-max-bytes N] [-runner prism|direct|flink|spark|dataflow …]")
		os.Exit(2)
	}
	if *errorsOut == "" {
		*errorsOut = *output + ".errors"
	}
	p, s := beam.NewPipelineWithRoot()
	Build(s, Options{Input: *input, Output: *output, Errors: *errorsOut, MaxBytes: *maxBytes})
	if err := beamx.Run(context.Background(), p); err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		os.Exit(1)
	}
}
