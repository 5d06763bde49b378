//go:build !unix

package topic

import "time"

// cpuTime is not available: 0 makes callers fall back to wall time.
func cpuTime() time.Duration { return 0 }
