package tui

import (
	"context"
	"errors"
	"io"
	"time"

	tea "charm.land/bubbletea/v2"
)

// followRetry is how long Follow waits before it reconnects.
const followRetry = 2 * time.Second

// Run shows the screen on the terminal of in and out until q, ctrl+c or
// ctx ends. It reads b and changes hosts through op (nil: drain and
// readmit disabled); a daemon that does not answer never holds it up.
func Run(ctx context.Context, b Backend, op Operator, opt Options, in io.Reader, out io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	m := New(b, op, opt)
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out))
	followed := make(chan struct{})
	go func() {
		defer close(followed)
		Follow(ctx, b, p.Send, followRetry)
	}()
	_, err := p.Run()
	cancel()
	// Follow ends with ctx: it never waits on the daemon past it.
	<-followed
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return context.Canceled
	}
	return err
}
