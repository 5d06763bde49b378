//go:build !unix

package cputime

import "time"

// Used returns 0: there is no portable process CPU clock.
func Used() time.Duration { return 0 }
