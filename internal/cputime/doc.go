// Package cputime reads the CPU time a process has used, for benchmarks and
// speed checks that report work per CPU-second, which stays steady on a
// shared machine where wall time does not.
package cputime
