package sensors

import (
	"context"
	"sync"
	"time"
)

// Result is one source's outcome in PollAll.
type Result struct {
	Poll     *Poll
	Err      error
	Up       bool          // the source answered (metrics: ..._up)
	Duration time.Duration // metrics: ..._duration_seconds
}

// PollAll polls every reader concurrently, each under its own deadline
// (timeout), and returns when all have answered or given up: a dead or slow
// BMC costs at most timeout and never delays the others' results beyond
// that. The map keys name the sources.
func PollAll(ctx context.Context, readers map[string]Reader, timeout time.Duration) map[string]Result {
	out := make(map[string]Result, len(readers))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for name, r := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			start := time.Now()
			p, err := r.Poll(pctx)
			res := Result{Poll: p, Err: err, Up: err == nil, Duration: time.Since(start)}
			mu.Lock()
			out[name] = res
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}
