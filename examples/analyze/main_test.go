package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunJSON(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, nil, true))
	var rep struct {
		Language string `json:"language"`
		Segments []struct {
			Start, End int
			Language   string
		} `json:"segments"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &rep))
	assert.Equal(t, "en", rep.Language)
	assert.NotEmpty(t, rep.Segments)
}

func TestRunSummaryFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "doc.txt")
	require.NoError(t, os.WriteFile(path, []byte("NATO and Russia discussed Ukraine."), 0o644))
	var out bytes.Buffer
	require.NoError(t, run(&out, []string{path}, false))
	s := out.String()
	assert.True(t, strings.HasPrefix(s, "Language: en"), "summary starts %q", s[:min(len(s), 40)])
	assert.Contains(t, s, "Segments:")
	assert.Contains(t, s, "Topics:")
}

func TestRunErrors(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run(&out, []string{"a", "b"}, false))
	assert.Error(t, run(&out, []string{filepath.Join(t.TempDir(), "missing.txt")}, false))
}

func TestPreview(t *testing.T) {
	assert.Equal(t, "a b…", preview("a\n b  c", 3))
	assert.Equal(t, "Алма", preview("Алма", 4))
}
