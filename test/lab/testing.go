package lab

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vigil-ha/vigil/internal/testenv"
)

// New starts a lab for a test and tears it down in t.Cleanup, also when the
// test fails or calls t.FailNow. It skips the test, with the reason, when
// the lab cannot run here (not root, tools missing); any other start error
// fails it. An interrupt (SIGINT, SIGTERM) of the test binary closes every
// open lab before the binary exits; a lab left by a killed binary is swept
// by the next Start.
func New(t testing.TB, opts Options) *Lab {
	t.Helper()
	if testing.Short() {
		t.Skip("lab: not with -short (namespaces, BMC simulators)")
	}
	if err := Check(opts); err != nil {
		testenv.Unavailable(t, "lab unavailable: %v", err)
	}
	if opts.Logf == nil {
		opts.Logf = t.Logf
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	l, err := Start(ctx, opts)
	if err != nil {
		t.Fatalf("lab: %v", err)
	}
	register(l)
	t.Cleanup(func() {
		unregister(l)
		if t.Failed() {
			l.dumpLogs(t)
		}
		if err := l.Close(); err != nil {
			t.Errorf("lab teardown: %v", err)
		}
		// Logging after the test ends panics.
		l.quiet()
	})
	l.CheckNeverTwice(t)
	return l
}

var (
	openMu   sync.Mutex
	openLabs = map[*Lab]bool{}
	sigOnce  sync.Once
)

func register(l *Lab) {
	openMu.Lock()
	openLabs[l] = true
	openMu.Unlock()
	sigOnce.Do(func() {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM)
		go func() {
			sig := <-ch
			openMu.Lock()
			var errs []error
			for l := range openLabs {
				errs = append(errs, l.Close())
			}
			openMu.Unlock()
			if err := errors.Join(errs...); err != nil {
				os.Stderr.WriteString("lab: teardown on " + sig.String() + ": " + err.Error() + "\n")
			}
			os.Exit(2)
		}()
	})
}

func unregister(l *Lab) {
	openMu.Lock()
	delete(openLabs, l)
	openMu.Unlock()
}
